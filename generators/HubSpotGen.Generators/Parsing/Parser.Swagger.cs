using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Swagger 2.0 says the same things as OpenAPI 3 in other places: bodies and form fields are parameters,
/// media types are lists on the operation or the document, and a response holds its schema directly.
/// </summary>
internal sealed partial class Parser
{
    private bool _isSwagger;

    private RequestBodyModel? ParseSwaggerBody(SpecMapping operation, List<SpecMapping> declared, string baseName, HashSet<string> parameterNames)
    {
        var consumes = MediaTypeList(operation, "consumes");
        var formFields = new List<SpecMapping>();
        foreach (var parameter in declared)
        {
            switch (parameter.GetString("in"))
            {
                case "body":
                    var jsonMediaType = FirstMatching(consumes, MediaTypes.IsJson) ?? "application/json";
                    return new RequestBodyModel(
                        CSharpNames.MakeUnique(CSharpNames.ToParameterName(parameter.GetString("name") ?? "body"), parameterNames),
                        MediaTypes.Bare(jsonMediaType).Contains("*") ? "application/json" : MediaTypes.Bare(jsonMediaType),
                        RequestBodyKind.Json,
                        ResolveSchema(parameter.Get("schema"), baseName + "Request"),
                        parameter.GetBool("required"),
                        parameter.GetString("description"));
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
        var type = DeclareFormObject(formFields, baseName + "Request");
        return new RequestBodyModel(
            CSharpNames.MakeUnique("body", parameterNames),
            multipart ? "multipart/form-data" : "application/x-www-form-urlencoded",
            multipart ? RequestBodyKind.Multipart : RequestBodyKind.Form,
            type,
            formFields.Exists(field => field.GetBool("required")),
            null);
    }

    /// <summary>Swagger form fields become one class, as an OpenAPI 3 form body's object schema would.</summary>
    private TypeRef DeclareFormObject(List<SpecMapping> fields, string desiredName)
    {
        var name = CSharpNames.MakeUnique(desiredName, _typeNames);
        var memberNames = new HashSet<string>(CSharpNames.InheritedMemberNames, StringComparer.Ordinal) { name };
        var properties = new List<PropertyModel>();
        foreach (var field in fields)
        {
            var wireName = field.GetString("name") ?? "field";
            var type = field.GetString("type") == "file" ? new TypeRef(TypeKind.Bytes) : ResolveSchema(field, name + CSharpNames.ToPascalCase(wireName));
            properties.Add(new PropertyModel(
                wireName,
                CSharpNames.MakeUnique(CSharpNames.ToPascalCase(wireName), memberNames),
                type,
                field.GetBool("required"),
                false,
                field.GetBool("deprecated"),
                field.GetString("description")));
        }

        _objects.Add(new ObjectTypeModel(name, "The form fields of one request.", false, properties.ToEquatableArray(), null));
        return new TypeRef(TypeKind.Object, name);
    }

    private (ResponseBodyKind Kind, TypeRef? Type) ReadSwaggerResponseBody(SpecMapping operation, SpecMapping? response, string nameHint)
    {
        if (response.Get("schema") is not SpecMapping schema)
        {
            return (ResponseBodyKind.None, null);
        }

        if (schema.GetString("type") == "file")
        {
            return (ResponseBodyKind.Binary, new TypeRef(TypeKind.Bytes));
        }

        var produces = MediaTypeList(operation, "produces");
        if (produces.Count > 0 && FirstMatching(produces, MediaTypes.IsJson) is null)
        {
            var kind = MediaTypes.ResponseKind(produces[0]);
            return kind == ResponseBodyKind.Text ? (kind, TypeRef.String) : (ResponseBodyKind.Binary, new TypeRef(TypeKind.Bytes));
        }

        return (ResponseBodyKind.Json, ResolveSchema(schema, nameHint));
    }

    /// <summary>The operation's own list, else the document's.</summary>
    private List<string> MediaTypeList(SpecMapping operation, string key)
    {
        var list = new List<string>((operation.GetSequence(key) ?? _root.GetSequence(key)).Strings());
        return list;
    }

    /// <summary><c>scheme://host/basePath</c>, https preferred; null without a host.</summary>
    private string? ReadSwaggerBaseUrl()
    {
        var host = _root.GetString("host");
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var schemes = new List<string>(_root.GetSequence("schemes").Strings());
        var scheme = schemes.Count == 0 || schemes.Contains("https") ? "https" : schemes[0];
        var basePath = _root.GetString("basePath") ?? string.Empty;
        var url = scheme + "://" + host + (basePath.StartsWith("/", StringComparison.Ordinal) || basePath.Length == 0 ? basePath : "/" + basePath);
        return Uri.TryCreate(url, UriKind.Absolute, out _) ? url.TrimEnd('/') : null;
    }

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
}
