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

    private readonly bool _isTime;

    private PropertyFilter(string field, bool isTime, string op, List<string> values)
    {
        Field = field;
        _isTime = isTime;
        Operator = op;
        Values = values;
    }

    public string Field { get; }

    public string Operator { get; }

    public IReadOnlyList<string> Values { get; }

    public static (PropertyFilter? Filter, FlowError? Error) Parse(string expression, ListShape shape)
    {
        var (index, op) = FindOperator(expression);
        if (op is null)
        {
            return expression.Contains('~', StringComparison.Ordinal)
                ? (null, FlowError.BadRequest(FlowCodes.OperatorNotImplemented, "Operator '~' not implemented."))
                : (null, FlowError.BadRequest(FlowCodes.BadFilterOperator, $"The filter '{expression}' has no operator; use ==, !=, >, <, >= or <=."));
        }

        var field = expression[..index].Trim();
        if (!shape.IsFilterField(field))
        {
            return (null, FlowError.BadRequest(FlowCodes.BadFilterField, $"The field '{field}' cannot be filtered on; use one of {shape.FilterFieldList}."));
        }

        // Adobe's examples quote string values (name=="CRMToAEP") as often as not; the quotes are not part of the value.
        var values = expression[(index + op.Length)..].Split(',').Select(Unquoted).ToList();
        if (values.Any(value => value.Length == 0))
        {
            return (null, FlowError.BadRequest(FlowCodes.EmptyFilterValue, $"The filter on '{field}' has an empty value."));
        }

        if (values.Count > 1 && op is not ("==" or "!="))
        {
            return (null, FlowError.BadRequest(FlowCodes.MultipleValuesNotAllowed, $"Operator '{op}' is not allowed with multiple values."));
        }

        if (shape.IsTimeField(field) && values.Any(value => !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return (null, FlowError.BadRequest(FlowCodes.BadTimeFilterValue, $"The filter on '{field}' needs epoch milliseconds."));
        }

        if (IsIdField(field) && op is not ("==" or "!="))
        {
            // Ids carry no order; the service refuses >= on id, and the other range operators make no more sense.
            return (null, FlowError.BadRequest(FlowCodes.RangeOnId, $"Operator '{op}' is not allowed on '{field}'; use == or !=."));
        }

        return (new PropertyFilter(field, shape.IsTimeField(field), op, values), null);
    }

    /// <summary>
    /// True when the entity, as the list answers it, passes. A field that crosses an array passes when any
    /// element does; an entity without the field (no description) equals nothing, so only != can hold.
    /// </summary>
    public bool Matches(JObject entity)
    {
        var found = ListShape.Values(entity, Field);
        return found.Count == 0 ? Operator == "!=" : found.Any(MatchesOne);
    }

    private bool MatchesOne(JToken actual) =>
        Operator switch
        {
            "==" => Values.Any(value => Compare(actual, value) == 0),
            "!=" => Values.All(value => Compare(actual, value) != 0),
            ">" => Compare(actual, Values[0]) > 0,
            "<" => Compare(actual, Values[0]) < 0,
            ">=" => Compare(actual, Values[0]) >= 0,
            _ => Compare(actual, Values[0]) <= 0,
        };

    private int Compare(JToken actual, string value)
    {
        if (_isTime)
        {
            return ((long)actual).CompareTo(long.Parse(value, CultureInfo.InvariantCulture));
        }

        // Ids are GUIDs, whose case carries no meaning; names and states compare exactly.
        var comparison = IsIdField(Field) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return Math.Sign(string.Compare((string?)actual, value, comparison));
    }

    private static bool IsIdField(string field) =>
        field == "id" || field.EndsWith(".id", StringComparison.Ordinal) || field.EndsWith("Id", StringComparison.Ordinal) || field.EndsWith("Ids", StringComparison.Ordinal);

    private static string Unquoted(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

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
