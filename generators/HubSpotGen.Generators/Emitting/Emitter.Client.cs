using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    private static string EmitClient(ApiModel model)
    {
        var writer = StartFile(model.Header);
        writer.Doc("summary", "A client for " + model.Header.Title + ", generated from its OpenAPI description.");
        writer.Line(GeneratedCodeAttribute);
        writer.Open("public partial class " + model.Header.ClientName);
        if (model.DefaultBaseUrl is not null)
        {
            writer.Line("/// <summary>The address of the spec's first server, used when the HttpClient has no BaseAddress.</summary>");
            writer.Line("public const string DefaultBaseUrl = " + Literal(model.DefaultBaseUrl) + ";");
            writer.Line();
        }

        writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        writer.Line("private readonly string _baseUrl;");
        writer.Line();
        var fallback = model.DefaultBaseUrl is null
            ? "throw new global::System.ArgumentException(\"The HttpClient needs a BaseAddress, as the spec names no absolute server.\", nameof(httpClient))"
            : "DefaultBaseUrl";
        writer.Line("/// <summary>Sends requests through <paramref name=\"httpClient\"/> to <paramref name=\"baseUrl\"/>, else to its BaseAddress" + (model.DefaultBaseUrl is null ? "" : ", else to <see cref=\"DefaultBaseUrl\"/>") + "; the address's path is kept.</summary>");
        writer.Line("/// <param name=\"httpClient\">The HttpClient whose handlers form the request pipeline.</param>");
        writer.Line("/// <param name=\"baseUrl\">The absolute URL that operation paths are appended to; null for the HttpClient's BaseAddress.</param>");
        // One constructor only: IHttpClientFactory's typed clients refuse a type with two that take an HttpClient.
        writer.Open("public " + model.Header.ClientName + "(global::System.Net.Http.HttpClient httpClient, string? baseUrl = null)");
        writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        writer.Line("_baseUrl = (baseUrl ?? httpClient.BaseAddress?.AbsoluteUri ?? " + fallback + ").TrimEnd('/');");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The absolute URL that operation paths are appended to, without a trailing slash.</summary>");
        writer.Line("public string BaseUrl => _baseUrl;");
        foreach (var operation in model.Operations)
        {
            writer.Line();
            WriteOperation(writer, model, operation);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteOperation(SourceWriter writer, ApiModel model, OperationModel operation)
    {
        var resultType = ResultType(operation, out var resultNullable, out var resultKind);
        var returnText = resultType is null
            ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + TypeNames.Spell(resultType, model.Header.Namespace) + (resultNullable ? "?" : "") + ">";

        writer.Doc("summary", operation.Summary ?? operation.HttpMethod + " " + operation.Path);
        writer.Doc("remarks", operation.Description);
        var signature = new List<string>();
        foreach (var (text, name, description) in SignatureParameters(model, operation))
        {
            signature.Add(text);
            writer.Doc("param", description ?? name, " name=\"" + name.TrimStart('@') + "\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <exception cref=\"global::" + model.Header.Namespace + ".ApiException\">The service answered with a status that is not a success.</exception>");
        signature.Add("global::System.Threading.CancellationToken cancellationToken = default");
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI description.\")]");
        }

        writer.Open("public async " + returnText + " " + operation.MethodName + "(" + string.Join(", ", signature) + ")");
        WriteArgumentChecks(writer, operation);
        WriteUrl(writer, operation);
        writer.Open("using (var __request = new global::System.Net.Http.HttpRequestMessage(" + HttpMethodExpression(operation.HttpMethod) + ", __url.ToString()))");
        if (resultKind == ResponseBodyKind.Json)
        {
            writer.Line("__request.Headers.TryAddWithoutValidation(\"Accept\", \"application/json\");");
        }

        WriteCookies(writer, operation);
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Header)
            {
                WriteOptionalGuard(writer, parameter, () =>
                    writer.Line("__request.Headers.TryAddWithoutValidation(" + Literal(parameter.WireName) + ", " + FormatSimple(parameter, ValueExpression(parameter)) + ");"));
            }
        }

        if (operation.Body is { } body)
        {
            if (body.Required)
            {
                WriteRequestContent(writer, model, body);
            }
            else
            {
                writer.Open("if (" + body.CSharpName + " != null)");
                WriteRequestContent(writer, model, body);
                writer.Close();
            }
        }

        writer.Line();
        writer.Open("using (var __response = await _httpClient.SendAsync(__request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))");
        writer.Line("var __status = (int)__response.StatusCode;");
        writer.Open("if (__status >= 200 && __status < 300)");
        WriteSuccess(writer, model, operation, resultType, resultKind, resultNullable);
        writer.Close();
        writer.Line();
        WriteFailure(writer, model, operation);
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

    private static IEnumerable<(string Text, string Name, string? Description)> SignatureParameters(ApiModel model, OperationModel operation)
    {
        var body = operation.Body;
        foreach (var parameter in operation.Parameters)
        {
            if (body is not null && body.Required && !parameter.Required)
            {
                yield return BodyParameter(model, body);
                body = null;
            }

            var type = parameter.Required ? TypeNames.Spell(parameter.Type, model.Header.Namespace) : TypeNames.SpellNullable(parameter.Type, model.Header.Namespace);
            yield return (type + " " + parameter.CSharpName + (parameter.Required ? "" : " = null"), parameter.CSharpName, parameter.Description);
        }

        if (body is not null)
        {
            yield return BodyParameter(model, body);
        }
    }

    private static (string Text, string Name, string? Description) BodyParameter(ApiModel model, RequestBodyModel body)
    {
        var text = body.Required
            ? TypeNames.Spell(body.Type, model.Header.Namespace) + " " + body.CSharpName
            : TypeNames.SpellNullable(body.Type, model.Header.Namespace) + " " + body.CSharpName + " = null";
        return (text, body.CSharpName, body.Description ?? "The request body.");
    }

    private static void WriteArgumentChecks(SourceWriter writer, OperationModel operation)
    {
        var wroteCheck = false;
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                writer.Open("if (" + parameter.CSharpName + " == null)");
                writer.Line("throw new global::System.ArgumentNullException(nameof(" + parameter.CSharpName + "));");
                writer.Close();
                wroteCheck = true;
            }
        }

        if (operation.Body is { Required: true } body && !body.Type.IsValueType)
        {
            writer.Open("if (" + body.CSharpName + " == null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(" + body.CSharpName + "));");
            writer.Close();
            wroteCheck = true;
        }

        if (wroteCheck)
        {
            writer.Line();
        }
    }

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
                : "global::System.Uri.EscapeDataString(" + FormatSimple(parameter, ValueExpression(parameter)) + ")");
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
            writer.Line("var __url = " + string.Join(" + ", pieces) + ";");
            writer.Line();
            return;
        }

        writer.Line("var __url = new global::System.Text.StringBuilder(_baseUrl, _baseUrl.Length + 128);");
        for (var i = 1; i < pieces.Count; i++)
        {
            writer.Line("__url.Append(" + pieces[i] + ");");
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

            var wireName = Literal(Uri.EscapeDataString(parameter.WireName));
            WriteOptionalGuard(writer, parameter, () =>
            {
                if (parameter.Type.Kind == TypeKind.Array && parameter.Explode)
                {
                    writer.Open("foreach (var __item in " + parameter.CSharpName + ")");
                    writer.Line("__AppendQuery(__url, ref __separator, " + wireName + ", " + FormatScalar(parameter.Type.Element!, "__item") + ");");
                    writer.Close();
                }
                else
                {
                    writer.Line("__AppendQuery(__url, ref __separator, " + wireName + ", " + FormatSimple(parameter, ValueExpression(parameter)) + ");");
                }
            });
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
                writer.Line("var __cookies = new global::System.Text.StringBuilder();");
                any = true;
            }

            WriteOptionalGuard(writer, parameter, () =>
            {
                writer.Line("__cookies.Append(__cookies.Length == 0 ? \"\" : \"; \").Append(" + Literal(parameter.WireName + "=") + ").Append(global::System.Uri.EscapeDataString(" + FormatSimple(parameter, ValueExpression(parameter)) + "));");
            });
        }

        if (any)
        {
            writer.Open("if (__cookies.Length > 0)");
            writer.Line("__request.Headers.TryAddWithoutValidation(\"Cookie\", __cookies.ToString());");
            writer.Close();
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

        writer.Open("if (" + parameter.CSharpName + " != null)");
        write();
        writer.Close();
    }

    /// <summary>Optional value types arrive as Nullable&lt;T&gt;; inside their null guard the value is wanted.</summary>
    private static string ValueExpression(ParameterModel parameter) =>
        !parameter.Required && parameter.Type.IsValueType ? parameter.CSharpName + ".Value" : parameter.CSharpName;

    /// <summary>The "simple" and non-exploded "form" styles: arrays become comma-separated lists.</summary>
    private static string FormatSimple(ParameterModel parameter, string expression) =>
        parameter.Type.Kind == TypeKind.Array
            ? "__JoinList(" + expression + ", __item => " + FormatScalar(parameter.Type.Element!, "__item") + ")"
            : FormatScalar(parameter.Type, expression);

    private static string FormatScalar(TypeRef type, string expression) => type.Kind switch
    {
        TypeKind.String => expression,
        TypeKind.Boolean => "(" + expression + " ? \"true\" : \"false\")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal => expression + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Float or TypeKind.Double => expression + ".ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Guid => expression + ".ToString(\"D\")",
        TypeKind.DateTimeOffset => expression + ".ToString(\"o\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Enum => expression + ".ToString()",
        TypeKind.Bytes => "global::System.Convert.ToBase64String(" + expression + ")",
        _ => "__SerializeValue(" + expression + ")",
    };

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        // netstandard2.0 has no HttpMethod.Patch.
        _ => "__Method" + method[0] + method.Substring(1).ToLowerInvariant(),
    };

    private static void WriteSuccess(SourceWriter writer, ApiModel model, OperationModel operation, TypeRef? resultType, ResponseBodyKind kind, bool allowEmpty)
    {
        var where = Literal(operation.HttpMethod + " " + operation.Path);
        writer.Line(kind switch
        {
            ResponseBodyKind.Json => "return await __ReadJsonAsync<" + TypeNames.Spell(resultType!, model.Header.Namespace) + ">(__response, " + where + ", allowEmpty: " + (allowEmpty ? "true" : "false") + ").ConfigureAwait(false);",
            ResponseBodyKind.Text => "return await __response.Content.ReadAsStringAsync().ConfigureAwait(false);",
            ResponseBodyKind.Binary => "return await __response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);",
            _ => "return;",
        });
    }

    private static void WriteFailure(SourceWriter writer, ApiModel model, OperationModel operation)
    {
        var where = Literal(operation.HttpMethod + " " + operation.Path);
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
                    ? "(__status >= " + response.StatusCode + " && __status < " + (response.StatusCode + 100) + ")"
                    : "__status == " + response.StatusCode);
            }

            writer.Open("if (" + string.Join(" || ", conditions) + ")");
            writer.Line("throw await __CreateApiExceptionAsync<" + TypeNames.Spell(type, model.Header.Namespace) + ">(__response, " + where + ").ConfigureAwait(false);");
            writer.Close();
            writer.Line();
        }

        writer.Line(defaultError is null
            ? "throw await __CreateApiExceptionAsync(__response, " + where + ").ConfigureAwait(false);"
            : "throw await __CreateApiExceptionAsync<" + TypeNames.Spell(defaultError, model.Header.Namespace) + ">(__response, " + where + ").ConfigureAwait(false);");
    }
}
