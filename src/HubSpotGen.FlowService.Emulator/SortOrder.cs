using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The <c>orderby</c> parameter: a field with an optional <c>+</c> or <c>-</c>. Ties, and the default order,
/// fall back to creation order, so paging never sees two entities swap places. Fields are compared on the
/// entity as the list answers it.
/// </summary>
internal sealed class SortOrder
{
    private SortOrder(string field, bool descending)
    {
        Field = field;
        Descending = descending;
    }

    /// <summary>Creation order: createdAt ascending, entities created in the same millisecond in the order they were created.</summary>
    public static SortOrder Default { get; } = new("createdAt", false);

    public string Field { get; }

    public bool Descending { get; }

    public static (SortOrder? Order, FlowError? Error) Parse(string? orderby, ListShape shape)
    {
        if (orderby is null)
        {
            return (Default, null);
        }

        // A '+' sent unescaped arrives as a space after form decoding; trimming makes "+name" and " name" the same.
        var text = orderby.Trim();
        var descending = false;
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            descending = text[0] == '-';
            text = text[1..];
        }

        if (text.Length == 0)
        {
            return (null, FlowError.BadRequest(FlowCodes.BadOrderBy, $"orderby names no field; use one of {shape.OrderFieldList}, with an optional + or -."));
        }

        return Array.IndexOf(shape.OrderFields, text) >= 0
            ? (new SortOrder(text, descending), null)
            : (null, FlowError.BadRequest(FlowCodes.UnknownOrderByField, $"The orderby field '{orderby.Trim()}' is not supported; use one of {shape.OrderFieldList}, with an optional + or -."));
    }

    public void Sort(List<ListedEntity> entities) => entities.Sort(Compare);

    private int Compare(ListedEntity left, ListedEntity right)
    {
        var primary = CompareField(left.Answer[Field], right.Answer[Field]);
        if (primary == 0 && Field == "createdAt")
        {
            // Creation order refines createdAt (two entities can share a millisecond), so it follows the direction too.
            primary = left.Sequence.CompareTo(right.Sequence);
        }

        if (Descending)
        {
            primary = -primary;
        }

        return primary != 0 ? primary : left.Sequence.CompareTo(right.Sequence);
    }

    private static int CompareField(JToken? left, JToken? right)
    {
        var leftMissing = left is null || left.Type == JTokenType.Null;
        var rightMissing = right is null || right.Type == JTokenType.Null;
        if (leftMissing || rightMissing)
        {
            // An entity without the field (no description) sorts before those with one.
            return leftMissing == rightMissing ? 0 : leftMissing ? -1 : 1;
        }

        if (left!.Type == JTokenType.Integer && right!.Type == JTokenType.Integer)
        {
            return ((long)left).CompareTo((long)right);
        }

        var leftText = (string?)left;
        var rightText = (string?)right;
        var folded = string.Compare(leftText, rightText, StringComparison.OrdinalIgnoreCase);
        return folded != 0 ? folded : string.CompareOrdinal(leftText, rightText);
    }
}
