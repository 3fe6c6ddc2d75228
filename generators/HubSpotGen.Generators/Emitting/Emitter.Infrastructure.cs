using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    /// <summary>How much of an error body an exception keeps: enough to diagnose, bounded against huge pages.</summary>
    private const int ErrorBodyLimit = 8192;

    /// <summary>
    /// The client's private plumbing, in its own file so that the operations stay readable. Names start
    /// with "__" because operation parameters, which share the methods' scope, never do. The text is fixed
    /// but for the buffer pool (absent on plain netstandard2.0) and the HTTP methods the framework lacks.
    /// </summary>
    private static Microsoft.CodeAnalysis.Text.SourceText EmitInfrastructure(InfrastructureFile file)
    {
        var apiException = ApiExceptionType(file.Header);
        var arrayPool = file.Options.UseArrayPool ? " { ArrayPool = __CharArrayPool.Instance }" : "";
        var writer = StartFile(file.Header);
        writer.Open($"public partial class {file.Header.ClientName}");
        writer.Block($$"""
            private static readonly {{KnownTypes.JsonSerializerSettings}} __JsonSettings = new {{KnownTypes.JsonSerializerSettings}}
            {
                // Strings that look like dates (etags, ids) must stay strings in untyped values.
                DateParseHandling = {{KnownTypes.DateParseHandling}}.None,
                MetadataPropertyHandling = {{KnownTypes.MetadataPropertyHandling}}.Ignore,
            };

            private static readonly {{KnownTypes.JsonSerializer}} __Serializer = {{KnownTypes.JsonSerializer}}.Create(__JsonSettings);

            private static readonly {{KnownTypes.Encoding}} __Utf8 = new {{KnownTypes.UTF8Encoding}}(encoderShouldEmitUTF8Identifier: false);
            """);
        if (file.Options.UseArrayPool)
        {
            writer.Line();
            writer.Block($$"""
                /// <summary>Lends Newtonsoft's readers and writers their buffers, so a call does not allocate fresh ones.</summary>
                private sealed class __CharArrayPool : {{KnownTypes.IArrayPool}}<char>
                {
                    public static readonly __CharArrayPool Instance = new __CharArrayPool();

                    public char[] Rent(int minimumLength) => {{KnownTypes.ArrayPool}}<char>.Shared.Rent(minimumLength);

                    public void Return(char[]? array)
                    {
                        if (array != null)
                        {
                            {{KnownTypes.ArrayPool}}<char>.Shared.Return(array);
                        }
                    }
                }
                """);
        }

        foreach (var method in file.CustomHttpMethods)
        {
            writer.Line();
            writer.Line($"private static readonly {KnownTypes.HttpMethod} {CustomHttpMethodField(method)} = new {KnownTypes.HttpMethod}({Literal(method)});");
        }

        writer.Line();
        writer.Block($$"""
            /// <summary>Appends one query parameter; null is an optional parameter the caller left out, which is not sent.</summary>
            private static void __AppendQuery({{KnownTypes.StringBuilder}} url, ref char separator, string escapedName, string? value)
            {
                if (value != null)
                {
                    url.Append(separator).Append(escapedName).Append('=').Append({{KnownTypes.Uri}}.EscapeDataString(value));
                    separator = '&';
                }
            }

            /// <summary>Adds one header parameter; null is an optional parameter the caller left out, which is not sent.</summary>
            private static void __AddHeader({{KnownTypes.HttpRequestMessage}} request, string name, string? value)
            {
                if (value != null)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            }

            private static string __JoinList<T>({{KnownTypes.IEnumerable}}<T> items, {{KnownTypes.Func}}<T, string> format)
            {
                var builder = new {{KnownTypes.StringBuilder}}();
                foreach (var item in items)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(format(item));
                }

                return builder.ToString();
            }

            private static string __SerializeValue(object? value)
            {
                var writer = new {{KnownTypes.StringWriter}}({{KnownTypes.CultureInfo}}.InvariantCulture);
                __Serializer.Serialize(writer, value);
                return writer.ToString();
            }

            /// <summary>Serializes straight to UTF-8 bytes: no intermediate string, no second encoding pass.</summary>
            private static {{KnownTypes.HttpContent}} __SerializeJson(object value, string mediaType)
            {
                var buffer = new {{KnownTypes.MemoryStream}}(256);
                using (var textWriter = new {{KnownTypes.StreamWriter}}(buffer, __Utf8, 256, leaveOpen: true))
                using (var jsonWriter = new {{KnownTypes.JsonTextWriter}}(textWriter){{arrayPool}})
                {
                    __Serializer.Serialize(jsonWriter, value);
                }

                var content = new {{KnownTypes.ByteArrayContent}}(buffer.GetBuffer(), 0, (int)buffer.Length);
                // JSON is UTF-8 by definition; the media type goes out exactly as the spec names it.
                content.Headers.ContentType = new {{KnownTypes.MediaTypeHeaderValue}}(mediaType);
                return content;
            }

            private static async {{KnownTypes.Task}}<T> __ReadJsonAsync<T>({{KnownTypes.HttpResponseMessage}} response, string operation, bool allowEmpty)
            {
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                // A small reader buffer: API answers are small, and the JSON reader keeps its own (pooled) buffer.
                using (var textReader = new {{KnownTypes.StreamReader}}(stream, {{KnownTypes.Encoding}}.UTF8, true, 512))
                using (var jsonReader = new {{KnownTypes.JsonTextReader}}(textReader){{arrayPool}})
                {
                    T? value;
                    try
                    {
                        value = __Serializer.Deserialize<T>(jsonReader);
                    }
                    catch ({{KnownTypes.JsonException}} exception)
                    {
                        throw new {{apiException}}(operation + " answered " + (int)response.StatusCode + " with a body that is not the JSON the spec describes.", (int)response.StatusCode, null, __CollectHeaders(response), exception);
                    }

                    if (value == null && !allowEmpty)
                    {
                        throw new {{apiException}}(operation + " answered " + (int)response.StatusCode + " with no body, where the spec describes one.", (int)response.StatusCode, null, __CollectHeaders(response));
                    }

                    return value!;
                }
            }

            private static async {{KnownTypes.Task}}<{{apiException}}> __CreateApiExceptionAsync({{KnownTypes.HttpResponseMessage}} response, string operation)
            {
                var body = await __ReadBodyPrefixAsync(response).ConfigureAwait(false);
                return new {{apiException}}(__FailureMessage(response, operation), (int)response.StatusCode, body, __CollectHeaders(response));
            }

            private static async {{KnownTypes.Task}}<{{apiException}}> __CreateApiExceptionAsync<TError>({{KnownTypes.HttpResponseMessage}} response, string operation)
            {
                var body = await __ReadBodyPrefixAsync(response).ConfigureAwait(false);
                var error = default(TError);
                var trimmed = body.TrimStart();
                if (trimmed.StartsWith("{", {{KnownTypes.StringComparison}}.Ordinal) || trimmed.StartsWith("[", {{KnownTypes.StringComparison}}.Ordinal))
                {
                    try
                    {
                        error = {{KnownTypes.JsonConvert}}.DeserializeObject<TError>(body, __JsonSettings);
                    }
                    catch ({{KnownTypes.JsonException}})
                    {
                        // A body of another shape (a gateway's HTML page, a cut-off answer) still makes an exception, without the typed view.
                    }
                }

                return new {{apiException}}<TError>(__FailureMessage(response, operation), (int)response.StatusCode, body, __CollectHeaders(response), error);
            }

            private static string __FailureMessage({{KnownTypes.HttpResponseMessage}} response, string operation) =>
                operation + " answered " + (int)response.StatusCode + " (" + response.ReasonPhrase + ").";

            private static async {{KnownTypes.Task}}<string> __ReadBodyPrefixAsync({{KnownTypes.HttpResponseMessage}} response)
            {
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                using (var reader = new {{KnownTypes.StreamReader}}(stream, {{KnownTypes.Encoding}}.UTF8))
                {
                    var buffer = new char[{{ErrorBodyLimit}}];
                    var length = await reader.ReadBlockAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                    return new string(buffer, 0, length);
                }
            }

            private static {{KnownTypes.IReadOnlyDictionary}}<string, {{KnownTypes.IEnumerable}}<string>> __CollectHeaders({{KnownTypes.HttpResponseMessage}} response)
            {
                var headers = new {{KnownTypes.Dictionary}}<string, {{KnownTypes.IEnumerable}}<string>>({{KnownTypes.StringComparer}}.OrdinalIgnoreCase);
                foreach (var header in response.Headers)
                {
                    headers[header.Key] = header.Value;
                }

                foreach (var header in response.Content.Headers)
                {
                    headers[header.Key] = header.Value;
                }

                return headers;
            }
            """);
        writer.Close();
        writer.Close();
        return writer.Finish();
    }

    /// <summary>The methods without an <c>HttpMethod</c> property on netstandard2.0 (PATCH), which get a field of their own.</summary>
    private static EquatableArray<string> CustomHttpMethods(ApiModel model)
    {
        var methods = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var operation in model.Operations)
        {
            if (operation.HttpMethod == "PATCH")
            {
                methods.Add(operation.HttpMethod);
            }
        }

        return new EquatableArray<string>(methods);
    }

    private static string CustomHttpMethodField(string method) => $"__Method{method[0]}{method.Substring(1).ToLowerInvariant()}";

    private static Microsoft.CodeAnalysis.Text.SourceText EmitApiException(ApiExceptionFile file)
    {
        var writer = StartFile(file.Header);
        writer.Block($$"""
            /// <summary>The service answered with a status the operation does not treat as success.</summary>
            {{GeneratedCodeAttribute}}
            public partial class ApiException : {{KnownTypes.Exception}}
            {
                /// <summary>Creates the exception; <paramref name="responseBody"/> is kept as given.</summary>
                public ApiException(string message, int statusCode, string? responseBody, {{KnownTypes.IReadOnlyDictionary}}<string, {{KnownTypes.IEnumerable}}<string>> headers, {{KnownTypes.Exception}}? innerException = null) : base(message, innerException)
                {
                    StatusCode = statusCode;
                    ResponseBody = responseBody;
                    Headers = headers ?? new {{KnownTypes.Dictionary}}<string, {{KnownTypes.IEnumerable}}<string>>();
                }

                /// <summary>The HTTP status code of the answer.</summary>
                public int StatusCode { get; }

                /// <summary>The start of the answer's body (at most {{ErrorBodyLimit}} characters), or null when it was not read.</summary>
                public string? ResponseBody { get; }

                /// <summary>The answer's headers, looked up without regard to case.</summary>
                public {{KnownTypes.IReadOnlyDictionary}}<string, {{KnownTypes.IEnumerable}}<string>> Headers { get; }
            }

            /// <summary>An <see cref="ApiException"/> whose body was read as the error type the spec documents.</summary>
            /// <typeparam name="TError">The documented error body.</typeparam>
            {{GeneratedCodeAttribute}}
            public partial class ApiException<TError> : ApiException
            {
                /// <summary>Creates the exception.</summary>
                public ApiException(string message, int statusCode, string? responseBody, {{KnownTypes.IReadOnlyDictionary}}<string, {{KnownTypes.IEnumerable}}<string>> headers, TError? error, {{KnownTypes.Exception}}? innerException = null) : base(message, statusCode, responseBody, headers, innerException)
                {
                    Error = error;
                }

                /// <summary>The typed error body, or null when the body was empty or of another shape.</summary>
                public TError? Error { get; }
            }
            """);
        writer.Close();
        return writer.Finish();
    }
}
