using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    /// <summary>How much of an error body an exception keeps: enough to diagnose, bounded against huge pages.</summary>
    private const int ErrorBodyLimit = 8192;

    /// <summary>
    /// The client's private plumbing, in its own file so that the operations stay readable. Names start
    /// with "__" because operation parameters, which share the methods' scope, never do.
    /// </summary>
    private static string EmitInfrastructure(ApiHeader header, EquatableArray<string> customHttpMethods, EmitOptions options)
    {
        var writer = StartFile(header);
        writer.Open("public partial class " + header.ClientName);
        writer.Line("private static readonly global::Newtonsoft.Json.JsonSerializerSettings __JsonSettings = new global::Newtonsoft.Json.JsonSerializerSettings");
        writer.Line("{");
        writer.Line("    // Strings that look like dates (etags, ids) must stay strings in untyped values.");
        writer.Line("    DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None,");
        writer.Line("    MetadataPropertyHandling = global::Newtonsoft.Json.MetadataPropertyHandling.Ignore,");
        writer.Line("};");
        writer.Line();
        writer.Line("private static readonly global::Newtonsoft.Json.JsonSerializer __Serializer = global::Newtonsoft.Json.JsonSerializer.Create(__JsonSettings);");
        writer.Line();
        writer.Line("private static readonly global::System.Text.Encoding __Utf8 = new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);");
        if (options.UseArrayPool)
        {
            writer.Line();
            writer.Line("/// <summary>Lends Newtonsoft's readers and writers their buffers, so a call does not allocate fresh ones.</summary>");
            writer.Open("private sealed class __CharArrayPool : global::Newtonsoft.Json.IArrayPool<char>");
            writer.Line("public static readonly __CharArrayPool Instance = new __CharArrayPool();");
            writer.Line();
            writer.Line("public char[] Rent(int minimumLength) => global::System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);");
            writer.Line();
            writer.Open("public void Return(char[]? array)");
            writer.Open("if (array != null)");
            writer.Line("global::System.Buffers.ArrayPool<char>.Shared.Return(array);");
            writer.Close();
            writer.Close();
            writer.Close();
        }
        foreach (var method in customHttpMethods)
        {
            writer.Line();
            writer.Line("private static readonly global::System.Net.Http.HttpMethod __Method" + method[0] + method.Substring(1).ToLowerInvariant() + " = new global::System.Net.Http.HttpMethod(" + Literal(method) + ");");
        }

        writer.Line();
        writer.Open("private static void __AppendQuery(global::System.Text.StringBuilder url, ref char separator, string escapedName, string value)");
        writer.Line("url.Append(separator).Append(escapedName).Append('=').Append(global::System.Uri.EscapeDataString(value));");
        writer.Line("separator = '&';");
        writer.Close();
        writer.Line();
        writer.Open("private static string __JoinList<T>(global::System.Collections.Generic.IEnumerable<T> items, global::System.Func<T, string> format)");
        writer.Line("var builder = new global::System.Text.StringBuilder();");
        writer.Open("foreach (var item in items)");
        writer.Open("if (builder.Length > 0)");
        writer.Line("builder.Append(',');");
        writer.Close();
        writer.Line();
        writer.Line("builder.Append(format(item));");
        writer.Close();
        writer.Line();
        writer.Line("return builder.ToString();");
        writer.Close();
        writer.Line();
        writer.Open("private static string __SerializeValue(object? value)");
        writer.Line("var writer = new global::System.IO.StringWriter(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line("__Serializer.Serialize(writer, value);");
        writer.Line("return writer.ToString();");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Serializes straight to UTF-8 bytes: no intermediate string, no second encoding pass.</summary>");
        writer.Open("private static global::System.Net.Http.HttpContent __SerializeJson(object value, string mediaType)");
        writer.Line("var buffer = new global::System.IO.MemoryStream(256);");
        writer.Line("using (var textWriter = new global::System.IO.StreamWriter(buffer, __Utf8, 256, leaveOpen: true))");
        writer.Open("using (var jsonWriter = new global::Newtonsoft.Json.JsonTextWriter(textWriter)" + (options.UseArrayPool ? " { ArrayPool = __CharArrayPool.Instance }" : "") + ")");
        writer.Line("__Serializer.Serialize(jsonWriter, value);");
        writer.Close();
        writer.Line();
        writer.Line("var content = new global::System.Net.Http.ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);");
        writer.Line("// JSON is UTF-8 by definition; the media type goes out exactly as the spec names it.");
        writer.Line("content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);");
        writer.Line("return content;");
        writer.Close();
        writer.Line();
        writer.Open("private static async global::System.Threading.Tasks.Task<T> __ReadJsonAsync<T>(global::System.Net.Http.HttpResponseMessage response, string operation, bool allowEmpty)");
        writer.Line("var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);");
        writer.Line("// A small reader buffer: API answers are small, and the JSON reader keeps its own (pooled) buffer.");
        writer.Line("using (var textReader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8, true, 512))");
        writer.Open("using (var jsonReader = new global::Newtonsoft.Json.JsonTextReader(textReader)" + (options.UseArrayPool ? " { ArrayPool = __CharArrayPool.Instance }" : "") + ")");
        writer.Line("T? value;");
        writer.Open("try");
        writer.Line("value = __Serializer.Deserialize<T>(jsonReader);");
        writer.Close();
        writer.Open("catch (global::Newtonsoft.Json.JsonException exception)");
        writer.Line("throw new global::" + header.Namespace + ".ApiException(operation + \" answered \" + (int)response.StatusCode + \" with a body that is not the JSON the spec describes.\", (int)response.StatusCode, null, __CollectHeaders(response), exception);");
        writer.Close();
        writer.Line();
        writer.Open("if (value == null && !allowEmpty)");
        writer.Line("throw new global::" + header.Namespace + ".ApiException(operation + \" answered \" + (int)response.StatusCode + \" with no body, where the spec describes one.\", (int)response.StatusCode, null, __CollectHeaders(response));");
        writer.Close();
        writer.Line();
        writer.Line("return value!;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open("private static async global::System.Threading.Tasks.Task<global::" + header.Namespace + ".ApiException> __CreateApiExceptionAsync(global::System.Net.Http.HttpResponseMessage response, string operation)");
        writer.Line("var body = await __ReadBodyPrefixAsync(response).ConfigureAwait(false);");
        writer.Line("return new global::" + header.Namespace + ".ApiException(__FailureMessage(response, operation), (int)response.StatusCode, body, __CollectHeaders(response));");
        writer.Close();
        writer.Line();
        writer.Open("private static async global::System.Threading.Tasks.Task<global::" + header.Namespace + ".ApiException> __CreateApiExceptionAsync<TError>(global::System.Net.Http.HttpResponseMessage response, string operation)");
        writer.Line("var body = await __ReadBodyPrefixAsync(response).ConfigureAwait(false);");
        writer.Line("var error = default(TError);");
        writer.Line("var trimmed = body.TrimStart();");
        writer.Open("if (trimmed.StartsWith(\"{\", global::System.StringComparison.Ordinal) || trimmed.StartsWith(\"[\", global::System.StringComparison.Ordinal))");
        writer.Open("try");
        writer.Line("error = global::Newtonsoft.Json.JsonConvert.DeserializeObject<TError>(body, __JsonSettings);");
        writer.Close();
        writer.Open("catch (global::Newtonsoft.Json.JsonException)");
        writer.Line("// A body of another shape (a gateway's HTML page, a cut-off answer) still makes an exception, without the typed view.");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return new global::" + header.Namespace + ".ApiException<TError>(__FailureMessage(response, operation), (int)response.StatusCode, body, __CollectHeaders(response), error);");
        writer.Close();
        writer.Line();
        writer.Line("private static string __FailureMessage(global::System.Net.Http.HttpResponseMessage response, string operation) =>");
        writer.Line("    operation + \" answered \" + (int)response.StatusCode + \" (\" + response.ReasonPhrase + \").\";");
        writer.Line();
        writer.Open("private static async global::System.Threading.Tasks.Task<string> __ReadBodyPrefixAsync(global::System.Net.Http.HttpResponseMessage response)");
        writer.Line("var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);");
        writer.Open("using (var reader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8))");
        writer.Line("var buffer = new char[" + ErrorBodyLimit + "];");
        writer.Line("var length = await reader.ReadBlockAsync(buffer, 0, buffer.Length).ConfigureAwait(false);");
        writer.Line("return new string(buffer, 0, length);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open("private static global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IEnumerable<string>> __CollectHeaders(global::System.Net.Http.HttpResponseMessage response)");
        writer.Line("var headers = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IEnumerable<string>>(global::System.StringComparer.OrdinalIgnoreCase);");
        writer.Open("foreach (var header in response.Headers)");
        writer.Line("headers[header.Key] = header.Value;");
        writer.Close();
        writer.Line();
        writer.Open("foreach (var header in response.Content.Headers)");
        writer.Line("headers[header.Key] = header.Value;");
        writer.Close();
        writer.Line();
        writer.Line("return headers;");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

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

    private static string EmitApiException(ApiHeader header)
    {
        var writer = StartFile(header);
        writer.Line("/// <summary>The service answered with a status the operation does not treat as success.</summary>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open("public partial class ApiException : global::System.Exception");
        writer.Line("/// <summary>Creates the exception; <paramref name=\"responseBody\"/> is kept as given.</summary>");
        writer.Open("public ApiException(string message, int statusCode, string? responseBody, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IEnumerable<string>> headers, global::System.Exception? innerException = null) : base(message, innerException)");
        writer.Line("StatusCode = statusCode;");
        writer.Line("ResponseBody = responseBody;");
        writer.Line("Headers = headers ?? new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IEnumerable<string>>();");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The HTTP status code of the answer.</summary>");
        writer.Line("public int StatusCode { get; }");
        writer.Line();
        writer.Line("/// <summary>The start of the answer's body (at most " + ErrorBodyLimit + " characters), or null when it was not read.</summary>");
        writer.Line("public string? ResponseBody { get; }");
        writer.Line();
        writer.Line("/// <summary>The answer's headers, looked up without regard to case.</summary>");
        writer.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IEnumerable<string>> Headers { get; }");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>An <see cref=\"ApiException\"/> whose body was read as the error type the spec documents.</summary>");
        writer.Line("/// <typeparam name=\"TError\">The documented error body.</typeparam>");
        writer.Line(GeneratedCodeAttribute);
        writer.Open("public partial class ApiException<TError> : ApiException");
        writer.Line("/// <summary>Creates the exception.</summary>");
        writer.Open("public ApiException(string message, int statusCode, string? responseBody, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IEnumerable<string>> headers, TError? error, global::System.Exception? innerException = null) : base(message, statusCode, responseBody, headers, innerException)");
        writer.Line("Error = error;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The typed error body, or null when the body was empty or of another shape.</summary>");
        writer.Line("public TError? Error { get; }");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
