using System.Text;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>
/// A position in the spec text, with the line counted as the reader passes each break (YAML's indentation rules
/// depend on it). Breaks are <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as <see cref="SpecLines"/> counts them for diagnostics.
/// </summary>
internal abstract class TextReaderBase
{
    private readonly StringBuilder _builder = new();

    protected TextReaderBase(string text)
    {
        Text = text;

        // A byte order mark is not content; offsets still count it, as the diagnostics' spans do.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            Position = 1;
            LineStart = 1;
        }
    }

    protected string Text { get; }

    protected int Position { get; set; }

    protected int Line { get; private set; } = 1;

    protected int LineStart { get; private set; }

    protected ScalarPool Pool { get; } = new();

    protected bool AtEnd => Position >= Text.Length;

    protected char Current => Position < Text.Length ? Text[Position] : '\0';

    protected SpecMark Mark() => new(Position);

    protected static SpecMark MarkAt(int index) => new(index);

    protected static bool IsBreak(char character) => character is '\n' or '\r';

    protected char At(int index) => index < Text.Length ? Text[index] : '\0';

    /// <summary>Passes the line break at <see cref="Position"/>.</summary>
    protected void SkipBreak()
    {
        if (Text[Position] == '\r' && At(Position + 1) == '\n')
        {
            Position++;
        }

        Position++;
        Line++;
        LineStart = Position;
    }

    /// <summary>Where the reader is, to come back to after looking ahead across lines.</summary>
    protected (int Position, int Line, int LineStart) Save() => (Position, Line, LineStart);

    protected void Restore((int Position, int Line, int LineStart) state)
    {
        Position = state.Position;
        Line = state.Line;
        LineStart = state.LineStart;
    }

    /// <summary>A builder for scalars that are not a plain slice of the text (escapes, folded lines); reused, so empty.</summary>
    protected StringBuilder Builder()
    {
        _builder.Clear();
        return _builder;
    }

    protected string Slice(int start, int end) => Pool.Get(Text, start, end - start);

    protected SpecSyntaxException Error(int offset, string message) => new(offset, message);
}
