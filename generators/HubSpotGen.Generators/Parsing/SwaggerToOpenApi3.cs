using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Rewrites a Swagger 2.0 document to the OpenAPI 3 shape, once, before anything reads it, so that the
/// parser knows one shape only. Swagger says the same things in other places:
/// <list type="bullet">
/// <item><c>definitions</c> are <c>components/schemas</c> (the same nodes, so <c>#/definitions/</c> pointers still reach them);</item>
/// <item>a <c>body</c> parameter is a JSON request body, <c>formData</c> parameters the properties of a form or multipart body's object schema;</item>
/// <item><c>consumes</c> and <c>produces</c> (the operation's, else the document's) are the media types of bodies and responses;</item>
/// <item>a parameter describes its value on itself, which becomes its schema; <c>collectionFormat: multi</c> is <c>explode</c>;</item>
/// <item><c>host</c>, <c>basePath</c> and <c>schemes</c> are the first server.</item>
/// </list>
/// Nodes are reused wherever the meaning is unchanged, so that diagnostics still point at what the author
/// wrote; nodes made here carry the position of the node they stand for. A reference this step cannot
/// follow is left as written, for the parser to report.
/// </summary>
internal sealed class SwaggerToOpenApi3
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly SpecMapping _swagger;

    private readonly Func<SpecMapping, SpecMapping?> _follow;

    /// <summary>One rewritten node per written parameter, so that a parameter shared by operations stays one node.</summary>
    private readonly Dictionary<SpecMapping, SpecMapping> _parameters = new();

    /// <summary>One property schema per written file field, for the same reason.</summary>
    private readonly Dictionary<SpecMapping, SpecMapping> _fileFields = new();

    private SwaggerToOpenApi3(SpecMapping swagger, Func<SpecMapping, SpecMapping?> follow)
    {
        _swagger = swagger;
        _follow = follow;
    }

    /// <summary>Whether <paramref name="root"/> is a Swagger 2.0 document rather than an OpenAPI 3 one.</summary>
    public static bool IsSwagger(SpecMapping root) => root.GetString("openapi") is null && root.GetString("swagger") is not null;

    /// <param name="swagger">The document as written.</param>
    /// <param name="follow">Follows a reference chain quietly, into other files too, so that a parameter or path item in a shared file is rewritten like one written here.</param>
    public static SpecMapping Rewrite(SpecMapping swagger, Func<SpecMapping, SpecMapping?> follow) => new SwaggerToOpenApi3(swagger, follow).RewriteDocument();

    private SpecMapping RewriteDocument()
    {
        var document = new SpecMapping(_swagger.Start) { End = _swagger.End };
        Add(document, "openapi", Scalar("3.0.3", _swagger));
        if (_swagger.Get("info") is { } info)
        {
            Add(document, "info", info);
        }

        if (ServerUrl() is { } url)
        {
            var server = new SpecMapping(_swagger.Start);
            Add(server, "url", Scalar(url, _swagger));
            var servers = new SpecSequence(_swagger.Start);
            servers.Children.Add(server);
            Add(document, "servers", servers);
        }

        var paths = new SpecMapping(_swagger.Get("paths")?.Start ?? _swagger.Start);
        foreach (var entry in _swagger.GetMap("paths")?.Children ?? new List<KeyValuePair<SpecScalar, SpecNode>>())
        {
            paths.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(entry.Key, RewritePathItem(entry.Value)));
        }

        Add(document, "paths", paths);
        if (_swagger.GetMap("definitions") is { } definitions)
        {
            var components = new SpecMapping(definitions.Start);
            Add(components, "schemas", definitions);
            Add(document, "components", components);
        }

        return document;
    }

    /// <summary><c>scheme://host/basePath</c>, https preferred; null without a host.</summary>
    private string? ServerUrl()
    {
        var host = _swagger.GetString("host");
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var schemes = new List<string>(_swagger.GetSequence("schemes").Strings());
        var scheme = schemes.Count == 0 || schemes.Contains("https") ? "https" : schemes[0];
        var basePath = _swagger.GetString("basePath") ?? string.Empty;
        return scheme + "://" + host + (basePath.StartsWith("/", StringComparison.Ordinal) || basePath.Length == 0 ? basePath : "/" + basePath);
    }

    private SpecNode RewritePathItem(SpecNode node)
    {
        if (Follow(node) is not { } pathItem)
        {
            return node;
        }

        var rewritten = new SpecMapping(pathItem.Start) { End = pathItem.End };
        foreach (var entry in pathItem.Children)
        {
            if (entry.Key.Value == "parameters")
            {
                rewritten.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(entry.Key, RewriteParameterList(entry.Value)));
            }
            else if (Array.IndexOf(HttpMethods, entry.Key.Value) >= 0 && entry.Value is SpecMapping operation)
            {
                rewritten.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(entry.Key, RewriteOperation(pathItem, operation)));
            }
            else
            {
                rewritten.Children.Add(entry);
            }
        }

        return rewritten;
    }

    private SpecMapping RewriteOperation(SpecMapping pathItem, SpecMapping operation)
    {
        var rewritten = new SpecMapping(operation.Start) { End = operation.End };
        foreach (var entry in operation.Children)
        {
            switch (entry.Key.Value)
            {
                case "parameters":
                    rewritten.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(entry.Key, RewriteParameterList(entry.Value)));
                    break;
                case "responses":
                    rewritten.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(entry.Key, RewriteResponses(operation, entry.Value)));
                    break;
                case "consumes" or "produces" or "requestBody":
                    break;
                default:
                    rewritten.Children.Add(entry);
                    break;
            }
        }

        if (RequestBody(operation, MergedParameters(pathItem, operation)) is { } body)
        {
            Add(rewritten, "requestBody", body);
        }

        return rewritten;
    }

    /// <summary>
    /// The operation's parameters merged over the path item's, the operation's own winning on the same name
    /// and location, as the parser merges them: the body and form fields are those of this list.
    /// </summary>
    private List<SpecMapping> MergedParameters(SpecMapping pathItem, SpecMapping operation)
    {
        var declared = new List<(string Key, SpecMapping Node)>();
        foreach (var source in new[] { pathItem.GetSequence("parameters"), operation.GetSequence("parameters") })
        {
            foreach (var item in source?.Children ?? new List<SpecNode>())
            {
                if (Follow(item) is not { } parameter)
                {
                    continue;
                }

                var key = parameter.GetString("in") + ":" + parameter.GetString("name");
                declared.RemoveAll(existing => existing.Key == key);
                declared.Add((key, parameter));
            }
        }

        return declared.ConvertAll(entry => entry.Node);
    }

    /// <summary>
    /// The first <c>body</c> parameter as a JSON body; else the <c>formData</c> parameters as the properties of
    /// a form body (multipart when the operation consumes it or a field is a file); null without either.
    /// </summary>
    private SpecMapping? RequestBody(SpecMapping operation, List<SpecMapping> declared)
    {
        var consumes = MediaTypeList(operation, "consumes");
        var formFields = new List<SpecMapping>();
        foreach (var parameter in declared)
        {
            switch (parameter.GetString("in"))
            {
                case "body":
                    return JsonBody(parameter, FirstMatching(consumes, MediaTypes.IsJson) ?? "application/json");
                case "formData":
                    formFields.Add(parameter);
                    break;
            }
        }

        if (formFields.Count == 0)
        {
            return null;
        }

        var multipart = FirstMatching(consumes, type => type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) is not null
            || formFields.Exists(field => field.GetString("type") == "file");
        return FormBody(operation, formFields, multipart ? "multipart/form-data" : "application/x-www-form-urlencoded");
    }

    private static SpecMapping JsonBody(SpecMapping parameter, string mediaType)
    {
        var body = new SpecMapping(parameter.Start) { End = parameter.End };

        // The parameter's name names the method's argument; the extension is the usual way to keep it in OpenAPI 3.
        AddIfPresent(body, "x-codegen-request-body-name", parameter.Get("name"));
        AddIfPresent(body, "description", parameter.Get("description"));
        AddIfPresent(body, "required", parameter.Get("required"));
        var media = new SpecMapping(parameter.Start);
        AddIfPresent(media, "schema", parameter.Get("schema"));
        var content = new SpecMapping(parameter.Start);
        Add(content, mediaType, media);
        Add(body, "content", content);
        return body;
    }

    /// <summary>The form fields as one inline object schema, each field its own property schema.</summary>
    private SpecMapping FormBody(SpecMapping operation, List<SpecMapping> fields, string mediaType)
    {
        var at = fields[0];
        var properties = new SpecMapping(at.Start);
        var required = new SpecSequence(at.Start);
        foreach (var field in fields)
        {
            var name = field.GetString("name") ?? "field";
            Add(properties, name, FormFieldSchema(field));
            if (field.GetBool("required"))
            {
                required.Children.Add(Scalar(name, field));
            }
        }

        var schema = new SpecMapping(at.Start);
        Add(schema, "type", Scalar("object", at));
        Add(schema, "description", Scalar("The form fields of one request.", at));
        Add(schema, "properties", properties);
        Add(schema, "required", required);
        var media = new SpecMapping(at.Start);
        Add(media, "schema", schema);
        var content = new SpecMapping(at.Start);
        Add(content, mediaType, media);
        var body = new SpecMapping(operation.Start);
        Add(body, "required", Scalar(required.Children.Count > 0 ? "true" : "false", at));
        Add(body, "content", content);
        return body;
    }

    /// <summary>
    /// The field describes its value on itself, so it is its own property schema (its default included); a
    /// file field is bytes, sent as a file part.
    /// </summary>
    private SpecMapping FormFieldSchema(SpecMapping field)
    {
        if (field.GetString("type") != "file")
        {
            return field;
        }

        if (_fileFields.TryGetValue(field, out var known))
        {
            return known;
        }

        var schema = new SpecMapping(field.Start) { End = field.End };
        Add(schema, "type", Scalar("string", field));
        Add(schema, "format", Scalar("byte", field));
        AddIfPresent(schema, "description", field.Get("description"));
        AddIfPresent(schema, "deprecated", field.Get("deprecated"));
        _fileFields[field] = schema;
        return schema;
    }

    /// <summary>The list without body and form parameters, each other parameter in the OpenAPI 3 shape.</summary>
    private SpecNode RewriteParameterList(SpecNode node)
    {
        if (node is not SpecSequence list)
        {
            return node;
        }

        var rewritten = new SpecSequence(list.Start) { End = list.End };
        foreach (var item in list.Children)
        {
            if (Follow(item) is not { } parameter)
            {
                rewritten.Children.Add(item);
            }
            else if (parameter.GetString("in") is not ("body" or "formData"))
            {
                rewritten.Children.Add(RewriteParameter(parameter));
            }
        }

        return rewritten;
    }

    /// <summary>The parameter itself is the schema of its value, as it was read before: type, format, items, enum.</summary>
    private SpecMapping RewriteParameter(SpecMapping parameter)
    {
        if (_parameters.TryGetValue(parameter, out var known))
        {
            return known;
        }

        var rewritten = new SpecMapping(parameter.Start) { End = parameter.End };
        AddIfPresent(rewritten, "name", parameter.Get("name"));
        AddIfPresent(rewritten, "in", parameter.Get("in"));
        AddIfPresent(rewritten, "required", parameter.Get("required"));
        AddIfPresent(rewritten, "description", parameter.Get("description"));
        Add(rewritten, "explode", Scalar(parameter.GetString("collectionFormat") == "multi" ? "true" : "false", parameter));
        Add(rewritten, "schema", parameter);
        _parameters[parameter] = rewritten;
        return rewritten;
    }

    private SpecNode RewriteResponses(SpecMapping operation, SpecNode node)
    {
        if (node is not SpecMapping responses)
        {
            return node;
        }

        var rewritten = new SpecMapping(responses.Start) { End = responses.End };
        foreach (var entry in responses.Children)
        {
            rewritten.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(entry.Key, Follow(entry.Value) is { } response ? RewriteResponse(operation, response) : entry.Value));
        }

        return rewritten;
    }

    /// <summary>
    /// A response holds its schema directly; its media type is the first the operation produces when none is
    /// JSON, else JSON. A <c>file</c> schema is binary.
    /// </summary>
    private SpecMapping RewriteResponse(SpecMapping operation, SpecMapping response)
    {
        var rewritten = new SpecMapping(response.Start) { End = response.End };
        AddIfPresent(rewritten, "description", response.Get("description"));
        if (response.Get("schema") is not SpecMapping schema)
        {
            return rewritten;
        }

        var produces = MediaTypeList(operation, "produces");
        var mediaType = schema.GetString("type") == "file" ? "application/octet-stream"
            : produces.Count > 0 && FirstMatching(produces, MediaTypes.IsJson) is null ? produces[0]
            : "application/json";
        var media = new SpecMapping(schema.Start);
        Add(media, "schema", schema);
        var content = new SpecMapping(schema.Start);
        Add(content, mediaType, media);
        Add(rewritten, "content", content);
        return rewritten;
    }

    /// <summary>The operation's list, else the document's.</summary>
    private List<string> MediaTypeList(SpecMapping operation, string key) =>
        new((operation.GetSequence(key) ?? _swagger.GetSequence(key)).Strings());

    /// <summary>The node a reference chain ends at, or null when it is broken or loops: the parser reports those where they are written.</summary>
    private SpecMapping? Follow(SpecNode node) => node is SpecMapping mapping ? _follow(mapping) : null;

    private static string? FirstMatching(List<string> items, Func<string, bool> predicate)
    {
        foreach (var item in items)
        {
            if (predicate(item))
            {
                return item;
            }
        }

        return null;
    }

    private static void Add(SpecMapping mapping, string key, SpecNode value) =>
        mapping.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(Scalar(key, value), value));

    private static void AddIfPresent(SpecMapping mapping, string key, SpecNode? value)
    {
        if (value is not null)
        {
            mapping.Children.Add(new KeyValuePair<SpecScalar, SpecNode>(Scalar(key, value), value));
        }
    }

    /// <summary>A quoted scalar made here, at the position of what it stands for.</summary>
    private static SpecScalar Scalar(string value, SpecNode at) => new(value, isPlain: false, at.Start, at.End);
}
