namespace HubSpotGen.Generators.Diagnostics;

/// <summary>A span of the spec file, kept as plain numbers so that diagnostics stay equatable.</summary>
/// <param name="Path">The spec file's path.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="StartLine">Zero-based line of the first character.</param>
/// <param name="StartColumn">Zero-based column of the first character.</param>
/// <param name="EndLine">Zero-based line after the span.</param>
/// <param name="EndColumn">Zero-based column after the span.</param>
internal sealed record SpecLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The start of the file, for a problem of the AdditionalFiles item as a whole rather than of a node in it.</summary>
    public static SpecLocation StartOf(string path) => new(path, 0, 0, 0, 0, 0, 0);
}
