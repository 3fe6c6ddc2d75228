using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{
    /// <summary>The operation's parameters merged over the path item's: the operation's own wins on the same name and location.</summary>
    private static List<SpecMapping> MergeParameters(ParseContext context, SpecMapping pathItem, SpecMapping operation)
    {
        var declared = new List<(string Key, SpecMapping Node)>();
        foreach (var source in new[] { pathItem.GetSequence("parameters"), operation.GetSequence("parameters") })
        {
            foreach (var item in source?.Children ?? (IList<SpecNode>)Array.Empty<SpecNode>())
            {
                if (Dereference(context, item, "the parameter is skipped", out _) is not { } parameter)
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
    /// Path, query, header and cookie parameters, required ones first; path placeholders with no declaration
    /// become string parameters.
    /// </summary>
    private static List<ParameterModel> ParseParameters(ParseContext context, string path, SpecMapping operation, List<SpecMapping> declared, HashSet<string> parameterNames)
    {
        var required = new List<ParameterModel>();
        var optional = new List<ParameterModel>();
        var pathNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in declared)
        {
            if (ParseParameter(context, node, parameterNames) is not { } parameter)
            {
                continue;
            }

            if (parameter.Location == ParameterLocation.Path)
            {
                pathNames.Add(parameter.WireName);
            }

            (parameter.Required ? required : optional).Add(parameter);
        }

        foreach (var placeholder in PathPlaceholders(path))
        {
            if (!pathNames.Contains(placeholder))
            {
                // Pointed at the path template, where the placeholder is written.
                Report(context, DiagnosticDescriptors.UnsupportedConstruct, (SpecNode?)context.Document.GetMap("paths")?.FindKey(path) ?? operation, "The path placeholder '{" + placeholder + "}' without a parameter", "a required string parameter is generated for it");
                required.Add(new ParameterModel(placeholder, CSharpNames.MakeUnique(CSharpNames.ToParameterName(placeholder), parameterNames), ParameterLocation.Path, TypeRef.String, true, false, null));
            }
        }

        required.AddRange(optional);
        return required;
    }

    private static ParameterModel? ParseParameter(ParseContext context, SpecMapping parameter, HashSet<string> parameterNames)
    {
        var name = parameter.GetString("name");
        ParameterLocation? location = parameter.GetString("in") switch
        {
            "path" => ParameterLocation.Path,
            "query" => ParameterLocation.Query,
            "header" => ParameterLocation.Header,
            "cookie" => ParameterLocation.Cookie,
            _ => null,
        };
        if (name is null || location is null)
        {
            Report(context, DiagnosticDescriptors.UnsupportedConstruct, parameter, "A parameter without a name or a known 'in'", "it is skipped");
            return null;
        }

        var schemaNode = parameter.Get("schema") ?? FirstContentSchema(parameter);
        var type = ResolveSchema(context, schemaNode, CSharpNames.ToPascalCase(name));
        var explode = parameter.GetBool("explode", fallback: (parameter.GetString("style") ?? "form") == "form");

        // "x-" is a convention of header names, not part of what the value means.
        var csharpSource = location == ParameterLocation.Header && name.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && name.Length > 2
            ? name.Substring(2)
            : name;
        return new ParameterModel(
            name,
            CSharpNames.MakeUnique(CSharpNames.ToParameterName(csharpSource), parameterNames),
            location.Value,
            type,
            location == ParameterLocation.Path || parameter.GetBool("required"),
            explode,
            parameter.GetString("description"));
    }

    private static SpecNode? FirstContentSchema(SpecMapping parameter)
    {
        foreach (var media in parameter.GetMap("content").Entries())
        {
            return (media.Value as SpecMapping).Get("schema");
        }

        return null;
    }

    private static IEnumerable<string> PathPlaceholders(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }
}
