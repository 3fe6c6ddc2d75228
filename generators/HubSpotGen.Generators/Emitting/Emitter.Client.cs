using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    private static Microsoft.CodeAnalysis.Text.SourceText EmitClient(ClientFile file)
    {
        var header = file.Header;
        var writer = StartFile(header);
        writer.Doc("summary", $"A client for {header.Title}, generated from its OpenAPI description.");
        writer.Line(GeneratedCodeAttribute);
        writer.Open($"public partial class {header.ClientName}");
        if (file.DefaultBaseUrl is not null)
        {
            writer.Block($"""
                /// <summary>The address of the spec's first server, used when the HttpClient has no BaseAddress.</summary>
                public const string DefaultBaseUrl = {Literal(file.DefaultBaseUrl)};

                """);
        }

        var (fallback, fallbackDoc) = file.DefaultBaseUrl is null
            ? ($"throw new {KnownTypes.ArgumentException}(\"The HttpClient needs a BaseAddress, as the spec names no absolute server.\", nameof(httpClient))", "")
            : ("DefaultBaseUrl", ", else to <see cref=\"DefaultBaseUrl\"/>");

        // One public constructor only: IHttpClientFactory's typed clients refuse a type with two that take an HttpClient.
        // The protected one is not theirs to choose (they look at public constructors) and lets a mock subclass exist.
        writer.Block($$"""
            private readonly {{KnownTypes.HttpClient}} _httpClient;
            private readonly string _baseUrl;

            /// <summary>Sends requests through <paramref name="httpClient"/> to <paramref name="baseUrl"/>, else to its BaseAddress{{fallbackDoc}}; the address's path is kept.</summary>
            /// <param name="httpClient">The HttpClient whose handlers form the request pipeline.</param>
            /// <param name="baseUrl">The absolute URL that operation paths are appended to; null for the HttpClient's BaseAddress.</param>
            public {{header.ClientName}}({{KnownTypes.HttpClient}} httpClient, string? baseUrl = null)
            {
                _httpClient = httpClient ?? throw new {{KnownTypes.ArgumentNullException}}(nameof(httpClient));
                _baseUrl = (baseUrl ?? httpClient.BaseAddress?.AbsoluteUri ?? {{fallback}}).TrimEnd('/');
            }

            /// <summary>For mocking: a subclass overrides the operations its test calls; the others have no HttpClient to send through.</summary>
            protected {{header.ClientName}}()
            {
                _httpClient = null!;
                _baseUrl = string.Empty;
            }

            /// <summary>The absolute URL that operation paths are appended to, without a trailing slash.</summary>
            public string BaseUrl => _baseUrl;
            """);
        foreach (var operation in file.Operations)
        {
            writer.Line();
            WriteOperation(writer, file, operation);
        }

        writer.Close();
        writer.Close();
        return writer.Finish();
    }

    private static void WriteOperation(SourceWriter writer, ClientFile file, OperationModel operation)
    {
        // The namespace of the types the operation names; every name is global::-qualified, so no using is needed.
        var @namespace = file.Header.TypesNamespace;
        var resultType = ResultType(operation, out var resultNullable, out var resultKind);
        var returnText = resultType is null
            ? KnownTypes.Task
            : $"{KnownTypes.Task}<{TypeNames.Spell(resultType, @namespace)}{(resultNullable ? "?" : "")}>";

        writer.Doc("summary", operation.Summary ?? $"{operation.HttpMethod} {operation.Path}");
        writer.Doc("remarks", operation.Description);
        var signature = new List<string>();
        foreach (var (text, name, description) in SignatureParameters(@namespace, operation))
        {
            signature.Add(text);
            writer.Doc("param", description ?? name, $" name=\"{name.TrimStart('@')}\"");
        }

        signature.Add($"{KnownTypes.CancellationToken} cancellationToken = default");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <exception cref=\"", ApiExceptionType(file.Header), "\">The service answered with a status that is not a success.</exception>");
        if (operation.Deprecated)
        {
            writer.Line(ObsoleteAttribute);
        }

        writer.Open($"public virtual async {returnText} {operation.MethodName}({string.Join(", ", signature)})");
        WriteArgumentChecks(writer, operation);
        WriteUrl(writer, operation);
        writer.Open($"using (var __request = new {KnownTypes.HttpRequestMessage}({HttpMethodExpression(operation.HttpMethod)}, __url.ToString()))");

        // The path template lets handlers name the operation (a trace's url.template) without the ids of the raw path.
        // Properties, not Options: netstandard2.0 has only Properties, and on .NET 5 and later it is a view of Options.
        writer.Line("__request.Properties[\"HubSpotGen.UrlTemplate\"] = ", Literal(operation.Path), ";");
        if (resultKind == ResponseBodyKind.Json)
        {
            writer.Line("__request.Headers.TryAddWithoutValidation(\"Accept\", \"application/json\");");
        }

        WriteCookies(writer, operation);
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Header)
            {
                writer.Line("__AddHeader(__request, ", Literal(parameter.WireName), ", ", OptionalValue(parameter), ");");
            }
        }

        if (operation.Body is { } body)
        {
            if (body.Required)
            {
                WriteRequestContent(writer, file, body);
            }
            else
            {
                writer.Open($"if ({body.CSharpName} != null)");
                WriteRequestContent(writer, file, body);
                writer.Close();
            }
        }

        writer.Line();
        writer.Open($"using (var __response = await _httpClient.SendAsync(__request, {KnownTypes.HttpCompletionOption}.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))");
        writer.Line("var __status = (int)__response.StatusCode;");
        writer.Open("if (__status >= 200 && __status < 300)");
        WriteSuccess(writer, @namespace, operation, resultType, resultKind, resultNullable);
        writer.Close();
        writer.Line();
        WriteFailure(writer, @namespace, operation);
        writer.Close();
        writer.Close();
        writer.Close();
    }

    /// <summary>
    /// The method's value: the body of the first success that has one, read the way its media type says;
    /// any JSON when JSON successes disagree on the type. It is nullable when some success has no body.
    /// </summary>
    private static TypeRef? ResultType(OperationModel operation, out bool nullable, out ResponseBodyKind kind)
    {
        TypeRef? result = null;
        kind = ResponseBodyKind.None;
        var withoutBody = false;
        foreach (var response in operation.Responses)
        {
            if (!response.IsSuccess)
            {
                continue;
            }

            if (response.Type is null)
            {
                withoutBody = true;
            }
            else if (result is null)
            {
                result = response.Type;
                kind = response.Kind;
            }
            else if (kind == ResponseBodyKind.Json && response.Kind == ResponseBodyKind.Json && !result.Equals(response.Type))
            {
                result = TypeRef.Any;
            }
        }

        nullable = result is not null && withoutBody;
        return result;
    }

    private static IEnumerable<(string Text, string Name, string? Description)> SignatureParameters(string @namespace, OperationModel operation)
    {
        var body = operation.Body;
        foreach (var parameter in operation.Parameters)
        {
            if (body is not null && body.Required && !parameter.Required)
            {
                yield return BodyParameter(@namespace, body);
                body = null;
            }

            var text = parameter.Required
                ? $"{TypeNames.Spell(parameter.Type, @namespace)} {parameter.CSharpName}"
                : $"{TypeNames.SpellNullable(parameter.Type, @namespace)} {parameter.CSharpName} = null";
            yield return (text, parameter.CSharpName, parameter.Description);
        }

        if (body is not null)
        {
            yield return BodyParameter(@namespace, body);
        }
    }

    private static (string Text, string Name, string? Description) BodyParameter(string @namespace, RequestBodyModel body)
    {
        var text = body.Required
            ? $"{TypeNames.Spell(body.Type, @namespace)} {body.CSharpName}"
            : $"{TypeNames.SpellNullable(body.Type, @namespace)} {body.CSharpName} = null";
        return (text, body.CSharpName, body.Description ?? "The request body.");
    }

    private static void WriteArgumentChecks(SourceWriter writer, OperationModel operation)
    {
        var wroteCheck = false;
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                WriteNullCheck(writer, parameter.CSharpName);
                wroteCheck = true;
            }
        }

        if (operation.Body is { Required: true } body && !body.Type.IsValueType)
        {
            WriteNullCheck(writer, body.CSharpName);
            wroteCheck = true;
        }

        if (wroteCheck)
        {
            writer.Line();
        }
    }

    private static void WriteNullCheck(SourceWriter writer, string name) =>
        writer.Line($"_ = {name} ?? throw new {KnownTypes.ArgumentNullException}(nameof({name}));");

    private static void WriteUrl(SourceWriter writer, OperationModel operation)
    {
        var pieces = new List<string> { "_baseUrl" };
        var path = operation.Path;
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                pieces.Add(Literal(path.Substring(position)));
                break;
            }

            if (open > position)
            {
                pieces.Add(Literal(path.Substring(position, open - position)));
            }

            var name = path.Substring(open + 1, close - open - 1);
            var parameter = FindPathParameter(operation, name);
            pieces.Add(parameter is null
                ? Literal(path.Substring(open, close - open + 1))
                : $"{KnownTypes.Uri}.EscapeDataString({FormatSimple(parameter, ValueExpression(parameter))})");
            position = close + 1;
        }

        var hasQueryParameters = false;
        foreach (var parameter in operation.Parameters)
        {
            hasQueryParameters |= parameter.Location == ParameterLocation.Query;
        }

        // Without a query the URL is one concatenation; a builder is only worth it when pieces are optional.
        if (!hasQueryParameters)
        {
            // The generated code concatenates the pieces: this " + " is the operator it is written with.
            var concatenation = string.Join(" + ", pieces);
            writer.Line("var __url = ", concatenation, ";");
            writer.Line();
            return;
        }

        writer.Line($"var __url = new {KnownTypes.StringBuilder}(_baseUrl, _baseUrl.Length + 128);");
        for (var i = 1; i < pieces.Count; i++)
        {
            writer.Line("__url.Append(", pieces[i], ");");
        }

        var hasQuery = false;
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location != ParameterLocation.Query)
            {
                continue;
            }

            if (!hasQuery)
            {
                writer.Line("var __separator = '?';");
                hasQuery = true;
            }

            var wireName = Literal(CSharpLiterals.EscapeDataString(parameter.WireName));
            if (parameter.Type.Kind == TypeKind.Array && parameter.Explode)
            {
                WriteOptionalGuard(writer, parameter, () =>
                {
                    writer.Open($"foreach (var __item in {parameter.CSharpName})");
                    writer.Line($"__AppendQuery(__url, ref __separator, {wireName}, {FormatScalar(parameter.Type.Element!, "__item")});");
                    writer.Close();
                });
            }
            else
            {
                writer.Line("__AppendQuery(__url, ref __separator, ", wireName, ", ", OptionalValue(parameter), ");");
            }
        }

        writer.Line();
    }

    /// <summary>Cookie parameters share one Cookie header, as <c>name=value</c> pairs joined by "; ".</summary>
    private static void WriteCookies(SourceWriter writer, OperationModel operation)
    {
        var any = false;
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location != ParameterLocation.Cookie)
            {
                continue;
            }

            if (!any)
            {
                writer.Line($"var __cookies = new {KnownTypes.StringBuilder}();");
                any = true;
            }

            WriteOptionalGuard(writer, parameter, () =>
            {
                writer.Line($"__cookies.Append(__cookies.Length == 0 ? \"\" : \"; \").Append({Literal($"{parameter.WireName}=")}).Append({KnownTypes.Uri}.EscapeDataString({FormatSimple(parameter, ValueExpression(parameter))}));");
            });
        }

        if (any)
        {
            writer.Block("""
                if (__cookies.Length > 0)
                {
                    __request.Headers.TryAddWithoutValidation("Cookie", __cookies.ToString());
                }
                """);
        }
    }

    private static ParameterModel? FindPathParameter(OperationModel operation, string name)
    {
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Path && parameter.WireName == name)
            {
                return parameter;
            }
        }

        return null;
    }

    private static void WriteOptionalGuard(SourceWriter writer, ParameterModel parameter, Action write)
    {
        if (parameter.Required)
        {
            write();
            return;
        }

        writer.Open($"if ({parameter.CSharpName} != null)");
        write();
        writer.Close();
    }

    /// <summary>
    /// The parameter's text, or null when an optional one was left out: the query and header helpers skip a
    /// null, so that each optional parameter is one line rather than a guarded block of four.
    /// </summary>
    private static string OptionalValue(ParameterModel parameter)
    {
        var text = FormatSimple(parameter, ValueExpression(parameter));
        return parameter.Required || text == parameter.CSharpName ? text : $"{parameter.CSharpName} == null ? null : {text}";
    }

    /// <summary>Optional value types arrive as Nullable&lt;T&gt;; inside their null guard the value is wanted.</summary>
    private static string ValueExpression(ParameterModel parameter) =>
        !parameter.Required && parameter.Type.IsValueType ? $"{parameter.CSharpName}.Value" : parameter.CSharpName;

    /// <summary>The "simple" and non-exploded "form" styles: arrays become comma-separated lists.</summary>
    private static string FormatSimple(ParameterModel parameter, string expression) =>
        parameter.Type.Kind == TypeKind.Array
            ? $"__JoinList({expression}, __item => {FormatScalar(parameter.Type.Element!, "__item")})"
            : FormatScalar(parameter.Type, expression);

    private static string FormatScalar(TypeRef type, string expression) => type.Kind switch
    {
        TypeKind.String => expression,
        TypeKind.Boolean => $"({expression} ? \"true\" : \"false\")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal => $"{expression}.ToString({KnownTypes.CultureInfo}.InvariantCulture)",
        TypeKind.Float or TypeKind.Double => $"{expression}.ToString(\"R\", {KnownTypes.CultureInfo}.InvariantCulture)",
        TypeKind.Guid => $"{expression}.ToString(\"D\")",
        TypeKind.DateTimeOffset => $"{expression}.ToString(\"o\", {KnownTypes.CultureInfo}.InvariantCulture)",
        TypeKind.Enum => $"{expression}.ToString()",
        TypeKind.Bytes => $"{KnownTypes.Convert}.ToBase64String({expression})",
        _ => $"__SerializeValue({expression})",
    };

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => $"{KnownTypes.HttpMethod}.Get",
        "POST" => $"{KnownTypes.HttpMethod}.Post",
        "PUT" => $"{KnownTypes.HttpMethod}.Put",
        "DELETE" => $"{KnownTypes.HttpMethod}.Delete",
        "HEAD" => $"{KnownTypes.HttpMethod}.Head",
        "OPTIONS" => $"{KnownTypes.HttpMethod}.Options",
        "TRACE" => $"{KnownTypes.HttpMethod}.Trace",
        // netstandard2.0 has no HttpMethod.Patch: the infrastructure file declares a field for it.
        _ => CustomHttpMethodField(method),
    };

    private static void WriteSuccess(SourceWriter writer, string @namespace, OperationModel operation, TypeRef? resultType, ResponseBodyKind kind, bool allowEmpty)
    {
        if (kind == ResponseBodyKind.Json)
        {
            var where = Literal($"{operation.HttpMethod} {operation.Path}");
            writer.Line("return await __ReadJsonAsync<", TypeNames.Spell(resultType!, @namespace), ">(__response, ", where, allowEmpty ? ", allowEmpty: true).ConfigureAwait(false);" : ", allowEmpty: false).ConfigureAwait(false);");
            return;
        }

        writer.Line(kind switch
        {
            ResponseBodyKind.Text => "return await __response.Content.ReadAsStringAsync().ConfigureAwait(false);",
            ResponseBodyKind.Binary => "return await __response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);",
            _ => "return;",
        });
    }

    private static void WriteFailure(SourceWriter writer, string @namespace, OperationModel operation)
    {
        var where = Literal($"{operation.HttpMethod} {operation.Path}");
        TypeRef? defaultError = null;
        var byType = new Dictionary<TypeRef, List<ResponseModel>>();
        var order = new List<TypeRef>();
        foreach (var response in operation.Responses)
        {
            if (response.IsSuccess || response.Kind != ResponseBodyKind.Json || response.Type is null)
            {
                continue;
            }

            if (response.StatusCode == 0)
            {
                defaultError = response.Type;
                continue;
            }

            if (!byType.TryGetValue(response.Type, out var codes))
            {
                byType[response.Type] = codes = new List<ResponseModel>();
                order.Add(response.Type);
            }

            codes.Add(response);
        }

        foreach (var type in order)
        {
            if (type.Equals(defaultError))
            {
                continue;
            }

            var conditions = new List<string>();
            foreach (var response in byType[type])
            {
                conditions.Add(response.IsRange
                    ? $"(__status >= {response.StatusCode} && __status < {response.StatusCode + 100})"
                    : $"__status == {response.StatusCode}");
            }

            writer.Block($$"""
                if ({{string.Join(" || ", conditions)}})
                {
                    throw await __CreateApiExceptionAsync<{{TypeNames.Spell(type, @namespace)}}>(__response, {{where}}).ConfigureAwait(false);
                }

                """);
        }

        writer.Line(
            defaultError is null ? "throw await __CreateApiExceptionAsync(__response, " : "throw await __CreateApiExceptionAsync<",
            defaultError is null ? "" : TypeNames.Spell(defaultError, @namespace),
            defaultError is null ? "" : ">(__response, ",
            where,
            ").ConfigureAwait(false);");
    }
}
