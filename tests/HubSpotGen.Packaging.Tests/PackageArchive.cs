using System.IO.Compression;

namespace HubSpotGen.Packaging.Tests;

/// <summary>A packed .nupkg opened for reading: its entry names, and the text of one entry.</summary>
internal sealed class PackageArchive : IDisposable
{
    private readonly ZipArchive _archive;

    private PackageArchive(string nupkg)
    {
        _archive = ZipFile.OpenRead(nupkg);
        Entries = _archive.Entries.Select(entry => entry.FullName.Replace('\\', '/')).ToList();
    }

    /// <summary>Entry names with forward slashes, whatever wrote the archive.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>The entry names one per line, for assertion messages.</summary>
    public string Listing => string.Join(Environment.NewLine, Entries);

    public static PackageArchive Open(string nupkg) => new(nupkg);

    /// <summary>The text of the entry named <paramref name="name"/>, or of the single entry ending with it when it starts with "/".</summary>
    public string Read(string name)
    {
        var entry = name.StartsWith('/')
            ? _archive.Entries.SingleOrDefault(candidate => candidate.FullName.Replace('\\', '/').EndsWith(name, StringComparison.Ordinal))
            : _archive.GetEntry(name);
        if (entry is null)
        {
            throw new AssertionException(name + " is not in the package:" + Environment.NewLine + Listing);
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The bytes of the entry named <paramref name="name"/>.</summary>
    public byte[] ReadBytes(string name)
    {
        var entry = _archive.GetEntry(name) ?? throw new AssertionException(name + " is not in the package:" + Environment.NewLine + Listing);
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _archive.Dispose();
}
