using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators;

/// <summary>
/// Whether a type is there for the generated code, answered from the type tables of the compilation's
/// references. Asking the compilation (<see cref="Compilation.GetTypeByMetadataName"/>) first binds every
/// reference into symbols: in a fresh compiler process that took more than a hundred milliseconds, charged
/// to whichever generator asks first, and the compiler does it later anyway. The answer is the one
/// <see cref="Compilation.GetTypeByMetadataName"/> gives; where the tables alone cannot tell it (a type of
/// that name declared in source, a reference that is another compilation, a module or aliased, metadata that
/// cannot be read) the compilation is asked after all.
/// </summary>
internal static class ReferencedTypes
{
    /// <param name="compilation">The consuming compilation.</param>
    /// <param name="namespace">The type's namespace, as "System.Buffers".</param>
    /// <param name="metadataName">The type's name as metadata spells it, as "ArrayPool`1".</param>
    /// <param name="simpleName">The name as source spells it, as "ArrayPool".</param>
    public static bool Contains(Compilation compilation, string @namespace, string metadataName, string simpleName)
    {
        return Count(compilation, @namespace, metadataName, simpleName)
            ?? compilation.GetTypeByMetadataName(@namespace + "." + metadataName) is not null;
    }

    /// <summary>True or false as the compilation would answer, or null when only the compilation can.</summary>
    private static bool? Count(Compilation compilation, string @namespace, string metadataName, string simpleName)
    {
        // The declaration table is read from syntax alone: a source type of that name comes first in the
        // compilation's answer, so with one anywhere the tables cannot decide.
        if (compilation.ContainsSymbolsWithName(simpleName, SymbolFilter.Type))
        {
            return null;
        }

        // The compilation takes the core library's type if it has one, otherwise the one type of that name among
        // the other assemblies (several are no answer), and sees a reference given twice as one assembly.
        var definers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in compilation.References)
        {
            if (reference is not PortableExecutableReference file
                || file.Properties.Kind != MetadataImageKind.Assembly
                || !file.Properties.Aliases.IsEmpty)
            {
                return null;
            }

            AssemblyMetadata metadata;
            try
            {
                metadata = (AssemblyMetadata)file.GetMetadata();
            }
            catch (Exception exception) when (exception is BadImageFormatException or IOException or InvalidCastException)
            {
                return null;
            }

            var manifest = metadata.GetModules()[0].GetMetadataReader();
            var defines = false;
            foreach (var module in metadata.GetModules())
            {
                defines |= Defines(module.GetMetadataReader(), @namespace, metadataName);
            }

            if (!defines)
            {
                continue;
            }

            if (manifest.AssemblyReferences.Count == 0)
            {
                return true;
            }

            definers.Add(Identity(manifest));
        }

        return definers.Count == 1;
    }

    private static bool Defines(MetadataReader reader, string @namespace, string metadataName)
    {
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (reader.StringComparer.Equals(type.Name, metadataName)
                && reader.StringComparer.Equals(type.Namespace, @namespace)
                && type.GetDeclaringType().IsNil)
            {
                return true;
            }
        }

        return false;
    }

    private static string Identity(MetadataReader reader)
    {
        var assembly = reader.GetAssemblyDefinition();
        var publicKey = reader.GetBlobBytes(assembly.PublicKey);
        return reader.GetString(assembly.Name) + ", " + assembly.Version + ", " + Convert.ToBase64String(publicKey);
    }
}
