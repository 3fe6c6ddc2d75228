using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Paths of spec files as a relative <c>$ref</c> names them: forward slashes, no "." or ".." segments, so
/// that <c>./schemas/../common.yaml</c> from one file and <c>common.yaml</c> from its neighbour are one file
/// on every operating system.
/// </summary>
internal static class SpecFilePaths
{
    /// <summary>Whether the file name says YAML or JSON, the only files a reference can name.</summary>
    public static bool HasSpecExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string path)
    {
        var slashed = path.Replace('\\', '/');
        var rooted = slashed.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in slashed.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", segments);
    }

    /// <summary>The file a reference's file part names, relative to the file the reference is written in.</summary>
    public static string Resolve(string referringFile, string relativePath)
    {
        var relative = Uri.UnescapeDataString(relativePath).Replace('\\', '/');
        if (relative.StartsWith("/", StringComparison.Ordinal) || (relative.Length > 1 && relative[1] == ':'))
        {
            return Normalize(relative);
        }

        var normalized = Normalize(referringFile);
        var slash = normalized.LastIndexOf('/');
        return Normalize(slash < 0 ? relative : normalized.Substring(0, slash + 1) + relative);
    }

    /// <summary>A URL such as <c>https://…</c>: no file of the project, and never fetched.</summary>
    public static bool IsRemote(string filePart) => filePart.IndexOf("://", StringComparison.Ordinal) > 0;

    /// <summary>The file's name without folder and extension, which names a schema that is a whole file.</summary>
    public static string FileStem(string path)
    {
        var slash = path.Replace('\\', '/').LastIndexOf('/');
        var name = slash < 0 ? path : path.Substring(slash + 1);
        var dot = name.IndexOf('.');
        return dot <= 0 ? name : name.Substring(0, dot);
    }
}
