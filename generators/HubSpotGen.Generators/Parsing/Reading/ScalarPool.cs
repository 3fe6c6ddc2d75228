namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>
/// One string per distinct short scalar: a spec repeats the same keys and words ("type", "string",
/// "description") tens of thousands of times, and a substring for each was most of what reading allocated.
/// Looked up by position in the text, so a hit allocates nothing.
/// </summary>
internal sealed class ScalarPool
{
    /// <summary>Longer scalars are mostly prose, seldom repeated.</summary>
    public const int MaxLength = 32;

    private string?[] _slots = new string?[1024];
    private int _count;

    public string Get(string text, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var hash = Hash(text, start, length);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] is { } candidate)
        {
            if (candidate.Length == length && string.CompareOrdinal(candidate, 0, text, start, length) == 0)
            {
                return candidate;
            }

            slot = (slot + 1) & mask;
        }

        var value = text.Substring(start, length);
        _slots[slot] = value;
        if (++_count * 2 > _slots.Length)
        {
            Grow();
        }

        return value;
    }

    private static int Hash(string text, int start, int length)
    {
        unchecked
        {
            var hash = (int)2166136261;
            for (var i = start; i < start + length; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return hash & int.MaxValue;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var value in old)
        {
            if (value is null)
            {
                continue;
            }

            var slot = Hash(value, 0, value.Length) & mask;
            while (_slots[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = value;
        }
    }
}
