using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Writes the C# files of one client from its model: one file per <see cref="SourceFile"/>, in a stable order.</summary>
internal static partial class Emitter
{
    /// <summary>
    /// Names this generator and its version, from the assembly's informational version without build
    /// metadata (the SDK appends "+commit"), so that generated code does not change with every commit.
    /// </summary>
    public static readonly string GeneratedCodeAttribute = $"[{KnownTypes.GeneratedCode}(\"HubSpotGen.Generators\", {Literal(GeneratorVersion())})]";

    private const string ObsoleteAttribute = $"[{KnownTypes.Obsolete}(\"Deprecated in the OpenAPI description.\")]";

    /// <summary>Splits a model into the files it becomes, in a stable order, each under a hint name of its own.</summary>
    /// <param name="model">The client's model.</param>
    /// <param name="options">What the consuming compilation supports.</param>
    /// <param name="hintPrefix">What the hint names start with: the client's name, made unique among the project's specs.</param>
    public static IEnumerable<SourceFile> Plan(ApiModel model, EmitOptions options, string hintPrefix)
    {
        // The compiler rejects two hint names that differ only in case, though C# type names may.
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in PlanFiles(model, options))
        {
            var hintName = UniqueHintName(DesiredHintName(file, hintPrefix), hintNames);
            FaultInjection.ThrowIfRequested("plan " + hintName);
            yield return file with { HintName = hintName };
        }
    }

    /// <summary>
    /// The client's name, or with "_2", "_3"... when specs earlier in path order name their clients the same
    /// regardless of case (in other namespaces, which C# allows): hint names are the one name space all the
    /// project's generated files share.
    /// </summary>
    public static string HintPrefix(ApiHeader header, IEnumerable<ApiHeader> allClients)
    {
        var earlier = 0;
        foreach (var other in allClients)
        {
            if (string.Equals(other.ClientName, header.ClientName, StringComparison.OrdinalIgnoreCase) && string.CompareOrdinal(other.SpecPath, header.SpecPath) < 0)
            {
                earlier++;
            }
        }

        return earlier == 0 ? header.ClientName : header.ClientName + "_" + (earlier + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static GeneratedFile Emit(SourceFile file)
    {
        FaultInjection.ThrowIfRequested(file.HintName);
        return new GeneratedFile(file.HintName, file switch
        {
            ClientFile clientFile => EmitClient(clientFile),
            InfrastructureFile infrastructure => EmitInfrastructure(infrastructure),
            ApiExceptionFile apiException => EmitApiException(apiException),
            ObjectFile or EnumFile or UnionFile => EmitTypes(file.Header, new[] { file }),
            TypeGroupFile group => EmitTypes(group.Header, group.Types),
            WebhooksFile webhooks => EmitWebhooks(webhooks),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.GetType().Name, "Every kind of SourceFile has a case above."),
        });
    }

    private static IEnumerable<SourceFile> PlanFiles(ApiModel model, EmitOptions options)
    {
        var header = model.Header;
        yield return new ClientFile(header, model.DefaultBaseUrl, model.Operations, FormBodies(model));
        yield return new InfrastructureFile(header, options, CustomHttpMethods(model));
        yield return new ApiExceptionFile(header);
        foreach (var file in TypeFiles(model, options))
        {
            yield return file;
        }

        if (model.Webhooks.Count > 0)
        {
            yield return new WebhooksFile(header, model.Webhooks);
        }
    }

    /// <summary>
    /// A file per model, enum and union type; for a spec of more than <see cref="TypesInOwnFiles"/> of them, groups of
    /// about <see cref="TypesPerGroup"/>. The compiler checks each added file's name against every name added before
    /// it, one by one, so thousands of files cost it seconds (most of the time a 10 MB spec took). A type's group
    /// follows from its name alone, so that adding or editing a type changes one group, not those after it.
    /// </summary>
    private static IEnumerable<SourceFile> TypeFiles(ApiModel model, EmitOptions options)
    {
        var header = model.Header;
        var files = new List<SourceFile>(model.Objects.Count + model.Enums.Count + model.Unions.Count);
        var names = new List<string>(files.Capacity);
        foreach (var type in model.Objects)
        {
            files.Add(new ObjectFile(header, options, type));
            names.Add(type.Name);
        }

        foreach (var type in model.Enums)
        {
            files.Add(new EnumFile(header, type));
            names.Add(type.Name);
        }

        foreach (var type in model.Unions)
        {
            files.Add(new UnionFile(header, type));
            names.Add(type.Name);
        }

        if (files.Count <= TypesInOwnFiles)
        {
            return files;
        }

        var groupCount = (files.Count + TypesPerGroup - 1) / TypesPerGroup;
        var groups = new List<SourceFile>[groupCount];
        for (var i = 0; i < files.Count; i++)
        {
            var number = (int)(StableHash(names[i]) % (uint)groupCount);
            (groups[number] ??= new List<SourceFile>()).Add(files[i]);
        }

        var grouped = new List<SourceFile>(groupCount);
        for (var number = 0; number < groupCount; number++)
        {
            if (groups[number] is { } members)
            {
                grouped.Add(new TypeGroupFile(header, number + 1, members.ToEquatableArray()));
            }
        }

        return grouped;
    }

    /// <summary>Up to this many types, each has a file of its own, named after it.</summary>
    internal const int TypesInOwnFiles = 200;

    /// <summary>The mean size of a group, in types: big enough that a 6,000-type spec makes about a hundred files.</summary>
    internal const int TypesPerGroup = 64;

    /// <summary>FNV-1a over the name's characters: the same in every process, as <see cref="string.GetHashCode()"/> is not.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return hash;
    }

    /// <summary>The hint name without its ".g.cs", as the file's kind and type name make it.</summary>
    private static string DesiredHintName(SourceFile file, string client) =>
        file switch
        {
            ClientFile => client + ".Client",
            InfrastructureFile => client + ".Infrastructure",
            ApiExceptionFile => client + ".ApiException",
            ObjectFile type => client + ".Models." + type.Type.Name,
            EnumFile type => client + ".Enums." + type.Type.Name,
            UnionFile type => client + ".Unions." + type.Type.Name,
            WebhooksFile => client + ".Webhooks",
            TypeGroupFile group => client + ".Types." + group.Number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            _ => client + "." + file.GetType().Name,
        };

    /// <summary><paramref name="desired"/>, or with the first free "_2", "_3"... suffix when a name differing only in case came first.</summary>
    private static string UniqueHintName(string desired, HashSet<string> taken)
    {
        var candidate = desired;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = desired + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate + ".g.cs";
    }

    /// <summary>The classes of form and multipart bodies: the client writes their properties as fields.</summary>
    private static EquatableArray<ObjectTypeModel> FormBodies(ApiModel model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in model.Operations)
        {
            if (operation.Body is { Kind: RequestBodyKind.Form or RequestBodyKind.Multipart, Type: { Kind: TypeKind.Object, Name: { } name } })
            {
                names.Add(name);
            }
        }

        var bodies = new List<ObjectTypeModel>();
        foreach (var type in model.Objects)
        {
            if (names.Contains(type.Name))
            {
                bodies.Add(type);
            }
        }

        return bodies.ToEquatableArray();
    }

    /// <summary>Starts a file in the client's namespace, or in <paramref name="namespace"/> (the models', for a model file).</summary>
    private static SourceWriter StartFile(ApiHeader header, string? @namespace = null)
    {
        var writer = new SourceWriter();
        // Deprecated schemas stay the spec's types, used by other generated types; only the user's own uses should warn.
        writer.Block($"""
            // <auto-generated/>
            // Generated by HubSpotGen from the OpenAPI description '{SourceWriter.SingleLine(header.Title)}'. Edit the spec, not this file.
            #nullable enable
            #pragma warning disable CS0612, CS0618

            """);
        writer.Open($"namespace {@namespace ?? header.Namespace}");
        return writer;
    }

    /// <summary>A file of model, enum and union types, one after another in the models' namespace.</summary>
    private static Microsoft.CodeAnalysis.Text.SourceText EmitTypes(ApiHeader header, IEnumerable<SourceFile> types)
    {
        var writer = StartFile(header, header.TypesNamespace);
        var first = true;
        foreach (var type in types)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            switch (type)
            {
                case ObjectFile objectType:
                    WriteObject(writer, objectType);
                    break;
                case EnumFile enumType:
                    WriteEnum(writer, enumType);
                    break;
                case UnionFile unionType:
                    WriteUnion(writer, unionType);
                    break;
            }
        }

        writer.Close();
        return writer.Finish();
    }

    /// <summary>The generated exception type, as code in any generated file names it.</summary>
    private static string ApiExceptionType(ApiHeader header) => $"global::{header.Namespace}.ApiException";

    /// <summary>A generated type of this client, as code names it.</summary>
    private static string GeneratedType(ApiHeader header, string name) => $"global::{header.Namespace}.{name}";

    /// <summary>A generated model, enum or union of this client, as code names it.</summary>
    private static string ModelType(ApiHeader header, string name) => $"global::{header.TypesNamespace}.{name}";

    private static string GeneratorVersion()
    {
        var assembly = typeof(Emitter).Assembly;
        var informational = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
        var version = informational?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version.Substring(0, metadata);
    }

    private static string Literal(string text) => CSharpLiterals.Quote(text);
}

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, Microsoft.CodeAnalysis.Text.SourceText Text);
