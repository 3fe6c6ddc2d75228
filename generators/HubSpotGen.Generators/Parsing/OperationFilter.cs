using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// The operations a project asked for with <c>OpenApiIncludePaths</c> and <c>OpenApiIncludeTags</c>. An
/// operation is kept when its path matches a path glob or one of its tags matches a tag glob; without
/// either metadata there is no filter and everything is kept. It remembers which globs matched, so that a
/// glob that selects nothing (a typo, a renamed path) is reported rather than silently shrinking the client.
/// </summary>
internal sealed class OperationFilter
{
    private static readonly char[] ListSeparators = { ';', '|' };

    private readonly Glob[] _paths;
    private readonly Glob[] _tags;

    private OperationFilter(Glob[] paths, Glob[] tags)
    {
        _paths = paths;
        _tags = tags;
    }

    /// <summary>The filter the metadata describes; null when it describes none.</summary>
    public static OperationFilter? Create(string? includePaths, string? includeTags)
    {
        var paths = Split(includePaths, crossesSegments: false);
        var tags = Split(includeTags, crossesSegments: true);
        return paths.Length == 0 && tags.Length == 0 ? null : new OperationFilter(paths, tags);
    }

    /// <summary>Whether an operation at <paramref name="path"/> (null for a webhook, which has none) with these tags is kept.</summary>
    public bool Includes(string? path, IEnumerable<string> tags)
    {
        // Every glob is tried, not just until one matches: each that matches anything must be marked as used.
        var included = false;
        if (path is not null)
        {
            foreach (var glob in _paths)
            {
                included |= glob.TryMatch(path);
            }
        }

        foreach (var tag in tags)
        {
            foreach (var glob in _tags)
            {
                included |= glob.TryMatch(tag);
            }
        }

        return included;
    }

    /// <summary>The path globs that matched no operation, in the order they were written.</summary>
    public IEnumerable<string> UnmatchedPaths() => Unmatched(_paths);

    /// <summary>The tag globs that matched no operation, in the order they were written.</summary>
    public IEnumerable<string> UnmatchedTags() => Unmatched(_tags);

    private static IEnumerable<string> Unmatched(Glob[] globs)
    {
        foreach (var glob in globs)
        {
            if (!glob.Matched)
            {
                yield return glob.Pattern;
            }
        }
    }

    private static Glob[] Split(string? list, bool crossesSegments)
    {
        var globs = new List<Glob>();
        // '|' is how a ';' arrives from MSBuild: the package's props rewrites it, as the compiler's reading of
        // item metadata would end the value at the first ';'.
        foreach (var part in (list ?? string.Empty).Split(ListSeparators))
        {
            var pattern = part.Trim();
            if (pattern.Length > 0)
            {
                globs.Add(new Glob(pattern, crossesSegments));
            }
        }

        return globs.ToArray();
    }

    /// <summary>
    /// One glob, matched against the whole text, case-sensitively: <c>*</c> is any run of characters but
    /// <c>/</c>, <c>**</c> any run including <c>/</c>, <c>?</c> one character but <c>/</c>; a pattern that
    /// ends in <c>/**</c> also matches the text before it (<c>/flows/**</c> takes <c>/flows</c>). Tags have
    /// no segments, so there <c>*</c> and <c>?</c> cross <c>/</c> too.
    /// </summary>
    private sealed class Glob
    {
        private readonly bool _crossesSegments;

        public Glob(string pattern, bool crossesSegments)
        {
            Pattern = pattern;
            _crossesSegments = crossesSegments;
        }

        public string Pattern { get; }

        public bool Matched { get; private set; }

        public bool TryMatch(string text)
        {
            var matches = IsMatch(Pattern, text)
                || (Pattern.EndsWith("/**", StringComparison.Ordinal) && IsMatch(Pattern.Substring(0, Pattern.Length - 3), text));
            Matched |= matches;
            return matches;
        }

        /// <summary>
        /// Dynamic programming over pattern and text positions rather than backtracking, so that a pattern of
        /// many stars costs pattern length times text length, never more.
        /// </summary>
        private bool IsMatch(string pattern, string text)
        {
            // reachable[j]: the pattern read so far can end exactly before text[j].
            var reachable = new bool[text.Length + 1];
            reachable[0] = true;
            var p = 0;
            while (p < pattern.Length)
            {
                var next = new bool[text.Length + 1];
                if (pattern[p] == '*')
                {
                    var crosses = _crossesSegments || (p + 1 < pattern.Length && pattern[p + 1] == '*');
                    p += p + 1 < pattern.Length && pattern[p + 1] == '*' ? 2 : 1;
                    var running = false;
                    for (var j = 0; j <= text.Length; j++)
                    {
                        running |= reachable[j];
                        next[j] = running;
                        if (j < text.Length && !crosses && text[j] == '/')
                        {
                            running = false;
                        }
                    }
                }
                else
                {
                    var wanted = pattern[p];
                    p++;
                    for (var j = 0; j < text.Length; j++)
                    {
                        if (reachable[j] && (wanted == '?' ? _crossesSegments || text[j] != '/' : text[j] == wanted))
                        {
                            next[j + 1] = true;
                        }
                    }
                }

                reachable = next;
            }

            return reachable[text.Length];
        }
    }
}
