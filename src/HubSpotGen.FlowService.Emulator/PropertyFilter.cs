using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// One <c>property=</c> filter, <c>&lt;field&gt;&lt;operator&gt;&lt;values&gt;</c>. Commas separate values
/// that are alternatives (<c>state==enabled,disabled</c>); separate <c>property</c> parameters must all hold.
/// </summary>
internal sealed class PropertyFilter
{
    /// <summary>Longest first, so <c>&gt;=</c> is not read as <c>&gt;</c> followed by a value starting with <c>=</c>.</summary>
    private static readonly string[] Operators = ["==", "!=", ">=", "<=", ">", "<"];

    private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal) { "id", "name", "description", "connectionSpec.id", "state" };
    private static readonly HashSet<string> TimeFields = new(StringComparer.Ordinal) { "createdAt", "updatedAt" };

    private PropertyFilter(string field, string op, List<string> values)
    {
        Field = field;
        Operator = op;
        Values = values;
    }

    public string Field { get; }

    public string Operator { get; }

    public IReadOnlyList<string> Values { get; }

    public static (PropertyFilter? Filter, FlowError? Error) Parse(string expression)
    {
        var (index, op) = FindOperator(expression);
        if (op is null)
        {
            return expression.Contains('~', StringComparison.Ordinal)
                ? (null, FlowError.BadRequest(FlowCodes.OperatorNotImplemented, "Operator '~' not implemented."))
                : (null, FlowError.BadRequest(FlowCodes.BadFilterOperator, $"The filter '{expression}' has no operator; use ==, !=, >, <, >= or <=."));
        }

        var field = expression[..index].Trim();
        if (!TextFields.Contains(field) && !TimeFields.Contains(field))
        {
            return (null, FlowError.BadRequest(FlowCodes.BadFilterField, $"The field '{field}' cannot be filtered on; use id, name, description, connectionSpec.id, state, createdAt or updatedAt."));
        }

        var values = expression[(index + op.Length)..].Split(',').ToList();
        if (values.Any(value => value.Length == 0))
        {
            return (null, FlowError.BadRequest(FlowCodes.BadFilterValue, $"The filter on '{field}' has an empty value."));
        }

        if (values.Count > 1 && op is not ("==" or "!="))
        {
            return (null, FlowError.BadRequest(FlowCodes.MultipleValuesNotAllowed, $"Operator '{op}' is not allowed with multiple values."));
        }

        if (TimeFields.Contains(field) && values.Any(value => !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return (null, FlowError.BadRequest(FlowCodes.BadFilterValue, $"The filter on '{field}' needs epoch milliseconds."));
        }

        return (new PropertyFilter(field, op, values), null);
    }

    public bool Matches(JObject connection)
    {
        var actual = Field == "connectionSpec.id" ? connection["connectionSpec"]?["id"] : connection[Field];
        if (actual is null || actual.Type == JTokenType.Null)
        {
            // A connection without the field (no description) equals nothing, so only != can hold.
            return Operator == "!=";
        }

        return Operator switch
        {
            "==" => Values.Any(value => Compare(actual, value) == 0),
            "!=" => Values.All(value => Compare(actual, value) != 0),
            ">" => Compare(actual, Values[0]) > 0,
            "<" => Compare(actual, Values[0]) < 0,
            ">=" => Compare(actual, Values[0]) >= 0,
            _ => Compare(actual, Values[0]) <= 0,
        };
    }

    private int Compare(JToken actual, string value)
    {
        if (TimeFields.Contains(Field))
        {
            return ((long)actual).CompareTo(long.Parse(value, CultureInfo.InvariantCulture));
        }

        // Ids are GUIDs, whose case carries no meaning; names and states compare exactly.
        var comparison = Field is "id" or "connectionSpec.id" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return Math.Sign(string.Compare((string?)actual, value, comparison));
    }

    private static (int Index, string? Operator) FindOperator(string expression)
    {
        for (var index = 0; index < expression.Length; index++)
        {
            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(expression, index, op, 0, op.Length) == 0)
                {
                    return (index, op);
                }
            }
        }

        return (-1, null);
    }
}
