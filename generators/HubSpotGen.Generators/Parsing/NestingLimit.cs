namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// The one guard against nesting: the document may nest at most <see cref="MaxDepth"/> levels (the JSON
/// and YAML readers, which keep their open collections on the heap, stop there with a located HSG0002),
/// and the parser, whose schema reading
/// recurses once or more per level, runs on a thread whose stack holds that depth many times over. A
/// stack overflow cannot be caught and would end the compiler, so the two are sized together here.
/// </summary>
internal static class NestingLimit
{
    /// <summary>Deeper than any real spec, and shallow enough for <see cref="StackSize"/>.</summary>
    public const int MaxDepth = 1000;

    /// <summary>Far beyond what a thread-pool thread has, and what reading <see cref="MaxDepth"/> levels needs.</summary>
    public const int StackSize = 64 * 1024 * 1024;

    public static string TooDeepMessage => "the document nests deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels";
}
