using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>
/// Walks every object a tracked step produced and reports any that would defeat caching: Roslyn
/// symbols, syntax and compilations are new objects on every run and keep old compilations alive, and
/// spec tree nodes compare by reference, so a model holding either is never equal to the last one.
/// </summary>
internal static class PipelineValueWalker
{
    public static IReadOnlyList<string> FindForbiddenValues(object? root, string rootName)
    {
        var problems = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, rootName, problems, visited);
        return problems;
    }

    private static void Walk(object? value, string path, List<string> problems, HashSet<object> visited)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (IsForbidden(type))
        {
            problems.Add(path + " is a " + type.FullName);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string or decimal)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, path + "[" + index++ + "]", problems, visited);
            }

            // EquatableArray and records keep their items in fields too; the walk below finds nothing new then.
        }

        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (IsForbidden(field.FieldType))
                {
                    problems.Add(path + "." + field.Name + " is declared as " + field.FieldType.FullName);
                    continue;
                }

                Walk(field.GetValue(value), path + "." + field.Name, problems, visited);
            }
        }
    }

    private static bool IsForbidden(Type type) =>
        typeof(ISymbol).IsAssignableFrom(type)
        || typeof(SyntaxNode).IsAssignableFrom(type)
        || typeof(SyntaxTree).IsAssignableFrom(type)
        || typeof(Compilation).IsAssignableFrom(type)
        || typeof(SemanticModel).IsAssignableFrom(type)
        || typeof(HubSpotGen.Generators.Parsing.SpecNode).IsAssignableFrom(type);
}
