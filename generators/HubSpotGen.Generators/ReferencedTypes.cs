using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators;

/// <summary>
/// Whether the types the generated code needs are there, answered from the type tables of the compilation's
/// references. Asking the compilation (<see cref="Compilation.GetTypeByMetadataName"/>) first binds every
/// reference into symbols: in a fresh compiler process that took more than a hundred milliseconds, charged
/// to whichever generator asks first, and the compiler does it later anyway. The answer is the one
/// <see cref="Compilation.GetTypeByMetadataName"/> gives; where the tables alone cannot tell it (a type of
/// that name declared in source, a reference that is another compilation, a module or aliased, metadata that
/// cannot be read) the compilation is asked after all.
/// </summary>
internal static class ReferencedTypes
{
    /// <summary>
    /// What each reference's tables say, read once per reference: the compilation is new at every keystroke,
    /// its references mostly the same objects.
    /// </summary>
    private static readonly ConditionalWeakTable<PortableExecutableReference, ReferenceFacts> FactsByReference = new();

    /// <summary>Which known type names each source file's text holds: an edit makes a new tree, the others are kept.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, SourceMentions> MentionsByTree = new();

    public static (bool HasNewtonsoftJson, bool HasArrayPool) Read(Compilation compilation)
    {
        // Not References: it appends the #r directive references, and finding those binds every reference,
        // the very cost this class exists to avoid. A C# project has no #r directives; a script's are
        // answered by the compilation below, like any reference the tables cannot read.
        if (HasScriptTree(compilation))
        {
            return (
                compilation.GetTypeByMetadataName(KnownType.JsonConvert.Namespace + "." + KnownType.JsonConvert.MetadataName) is not null,
                compilation.GetTypeByMetadataName(KnownType.ArrayPool.Namespace + "." + KnownType.ArrayPool.MetadataName) is not null);
        }

        var facts = new List<ReferenceFacts>();
        var readable = true;
        foreach (var reference in compilation.ExternalReferences)
        {
            if (reference is not PortableExecutableReference file
                || file.Properties.Kind != MetadataImageKind.Assembly
                || !file.Properties.Aliases.IsEmpty
                || FactsByReference.GetValue(file, ReferenceFacts.Read) is not { } read
                || read.Identity is null)
            {
                readable = false;
                break;
            }

            facts.Add(read);
        }

        return (
            Answer(compilation, readable, facts, KnownType.JsonConvert),
            Answer(compilation, readable, facts, KnownType.ArrayPool));
    }

    /// <summary>Whether any source file's text holds the type's name; the answer for each tree is kept with the tree.</summary>
    private static bool MentionedInSource(Compilation compilation, KnownType type)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (MentionsByTree.GetValue(tree, SourceMentions.Read).Mentions(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasScriptTree(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Options.Kind == SourceCodeKind.Script)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Answer(Compilation compilation, bool readable, List<ReferenceFacts> facts, KnownType type)
    {
        // A source type of that name comes first in the compilation's answer, so with one anywhere the tables cannot
        // decide. The declaration table says whether there is one; building it, in a fresh compiler, cost more than
        // the rest of this class, so it is asked only when some source file has the name in its text at all.
        if (!readable || (MentionedInSource(compilation, type) && compilation.ContainsSymbolsWithName(type.SimpleName, SymbolFilter.Type)))
        {
            return compilation.GetTypeByMetadataName(type.Namespace + "." + type.MetadataName) is not null;
        }

        // The compilation takes the core library's type if it has one, otherwise the one type of that name among
        // the other assemblies (several are no answer), and sees an assembly referenced twice as one.
        var definers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in facts)
        {
            if (!reference.Defines(type))
            {
                continue;
            }

            if (reference.IsCoreLibrary)
            {
                return true;
            }

            definers.Add(reference.Identity!);
        }

        return definers.Count == 1;
    }

    /// <summary>A type the generated code may use, by namespace and name as metadata and source spell them.</summary>
    private sealed class KnownType
    {
        public static readonly KnownType JsonConvert = new("Newtonsoft.Json", "JsonConvert", "JsonConvert");

        public static readonly KnownType ArrayPool = new("System.Buffers", "ArrayPool`1", "ArrayPool");

        private KnownType(string @namespace, string metadataName, string simpleName)
        {
            Namespace = @namespace;
            MetadataName = metadataName;
            SimpleName = simpleName;
        }

        public string Namespace { get; }

        public string MetadataName { get; }

        public string SimpleName { get; }
    }

    /// <summary>Whether one source file's text holds the simple name of each known type, anywhere.</summary>
    private sealed class SourceMentions
    {
        private SourceMentions(bool mentionsJsonConvert, bool mentionsArrayPool)
        {
            MentionsJsonConvert = mentionsJsonConvert;
            MentionsArrayPool = mentionsArrayPool;
        }

        private bool MentionsJsonConvert { get; }

        private bool MentionsArrayPool { get; }

        public bool Mentions(KnownType type) => type == KnownType.JsonConvert ? MentionsJsonConvert : MentionsArrayPool;

        public static SourceMentions Read(SyntaxTree tree)
        {
            // An identifier may spell any letter as a \u escape: a file with one may declare either name.
            var text = tree.GetText().ToString();
            var escapes = text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0;
            return new SourceMentions(
                escapes || text.IndexOf(KnownType.JsonConvert.SimpleName, StringComparison.Ordinal) >= 0,
                escapes || text.IndexOf(KnownType.ArrayPool.SimpleName, StringComparison.Ordinal) >= 0);
        }
    }

    /// <summary>One reference's identity and which of the known types it defines.</summary>
    private sealed class ReferenceFacts
    {
        private ReferenceFacts(string? identity, bool isCoreLibrary, bool definesJsonConvert, bool definesArrayPool)
        {
            Identity = identity;
            IsCoreLibrary = isCoreLibrary;
            DefinesJsonConvert = definesJsonConvert;
            DefinesArrayPool = definesArrayPool;
        }

        /// <summary>Name, version and public key; null when the metadata cannot be read.</summary>
        public string? Identity { get; }

        /// <summary>It references no other assembly, as the core library alone does.</summary>
        public bool IsCoreLibrary { get; }

        private bool DefinesJsonConvert { get; }

        private bool DefinesArrayPool { get; }

        public bool Defines(KnownType type) => type == KnownType.JsonConvert ? DefinesJsonConvert : DefinesArrayPool;

        public static ReferenceFacts Read(PortableExecutableReference reference)
        {
            try
            {
                if (reference.GetMetadata() is not AssemblyMetadata metadata)
                {
                    return new ReferenceFacts(null, false, false, false);
                }

                bool jsonConvert = false, arrayPool = false;
                foreach (var module in metadata.GetModules())
                {
                    var reader = module.GetMetadataReader();
                    foreach (var handle in reader.TypeDefinitions)
                    {
                        var definition = reader.GetTypeDefinition(handle);
                        jsonConvert |= Is(reader, definition, KnownType.JsonConvert);
                        arrayPool |= Is(reader, definition, KnownType.ArrayPool);
                    }
                }

                var manifest = metadata.GetModules()[0].GetMetadataReader();
                var assembly = manifest.GetAssemblyDefinition();
                var identity = manifest.GetString(assembly.Name) + ", " + assembly.Version + ", " + KeyHash(manifest, assembly.PublicKey).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
                return new ReferenceFacts(identity, manifest.AssemblyReferences.Count == 0, jsonConvert, arrayPool);
            }
            catch (Exception exception) when (exception is BadImageFormatException or IOException or InvalidOperationException)
            {
                return new ReferenceFacts(null, false, false, false);
            }
        }

        /// <summary>
        /// The public key by a 64-bit FNV-1a hash: two references of one name and version are told apart by their keys,
        /// and hashing the blob in place is cheaper than copying it into a string.
        /// </summary>
        private static ulong KeyHash(MetadataReader reader, BlobHandle key)
        {
            var hash = 14695981039346656037UL;
            var blob = reader.GetBlobReader(key);
            while (blob.RemainingBytes > 0)
            {
                hash = (hash ^ blob.ReadByte()) * 1099511628211UL;
            }

            return hash;
        }

        private static bool Is(MetadataReader reader, TypeDefinition definition, KnownType type) =>
            reader.StringComparer.Equals(definition.Name, type.MetadataName)
            && reader.StringComparer.Equals(definition.Namespace, type.Namespace)
            && definition.GetDeclaringType().IsNil;
    }
}
