using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// The generator reads whether Newtonsoft.Json and ArrayPool are there from the references' type tables rather
/// than by binding the compilation; the answer must be the compilation's own in every case.
/// </summary>
public sealed class ReferencedTypesTests
{
    [Test]
    public void With_newtonsoft_the_answers_are_the_compilations() =>
        AssertSameAnswers(TestCompilations.Create(includeNewtonsoft: true));

    [Test]
    public void Without_newtonsoft_the_answers_are_the_compilations() =>
        AssertSameAnswers(TestCompilations.Create(includeNewtonsoft: false));

    [Test]
    public void A_reference_listed_twice_is_one_assembly()
    {
        var compilation = TestCompilations.Create(includeNewtonsoft: true)
            .AddReferences(MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location));

        AssertSameAnswers(compilation);
        Assert.That(ReferencedTypes.Read(compilation).HasNewtonsoftJson, Is.True);
    }

    [Test]
    public void A_type_of_that_name_in_source_is_answered_by_the_compilation()
    {
        var compilation = TestCompilations.Create(false, "namespace Newtonsoft.Json { public static class JsonConvert { } }");

        AssertSameAnswers(compilation);
        Assert.That(ReferencedTypes.Read(compilation).HasNewtonsoftJson, Is.True);
    }

    [Test]
    public void A_type_whose_name_is_spelled_with_escapes_in_source_is_answered_by_the_compilation()
    {
        var compilation = TestCompilations.Create(false, "namespace Newtonsoft.Json { public static class \\u004AsonConvert { } }");

        AssertSameAnswers(compilation);
        Assert.That(ReferencedTypes.Read(compilation).HasNewtonsoftJson, Is.True);
    }

    [Test]
    public void Source_that_only_uses_the_name_leaves_the_answer_to_the_references()
    {
        var compilation = TestCompilations.Create(true, "class Uses { object Pool => System.Buffers.ArrayPool<byte>.Shared; string Text => Newtonsoft.Json.JsonConvert.SerializeObject(1); }");

        AssertSameAnswers(compilation);
        Assert.That(ReferencedTypes.Read(compilation), Is.EqualTo((true, true)));
    }

    [Test]
    public void An_aliased_reference_is_answered_by_the_compilation()
    {
        var aliased = MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .WithAliases(new[] { "Json" });
        var compilation = TestCompilations.Create(includeNewtonsoft: false).AddReferences(aliased);

        AssertSameAnswers(compilation);
    }

    [Test]
    public void Two_assemblies_that_define_the_type_are_no_answer()
    {
        // A second assembly of another name that declares Newtonsoft.Json.JsonConvert: the compilation finds two.
        var impostor = CSharpCompilation.Create(
            "Impostor",
            new[] { CSharpSyntaxTree.ParseText("namespace Newtonsoft.Json { public static class JsonConvert { } }") },
            TestCompilations.Create(includeNewtonsoft: false).References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.That(impostor.Emit(image).Success, Is.True);
        var path = Path.Combine(Path.GetTempPath(), "hsg-impostor-" + Guid.NewGuid().ToString("N") + ".dll");
        File.WriteAllBytes(path, image.ToArray());
        try
        {
            var compilation = TestCompilations.Create(includeNewtonsoft: true).AddReferences(MetadataReference.CreateFromFile(path));

            AssertSameAnswers(compilation);
            Assert.That(ReferencedTypes.Read(compilation).HasNewtonsoftJson, Is.False);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_scripts_directive_reference_is_answered_by_the_compilation()
    {
        // Only a script can add a reference with #r; the generator reads the references it was given, so the
        // compilation must answer for a script, or JsonConvert brought in by #r would go unseen.
        var newtonsoft = typeof(Newtonsoft.Json.JsonConvert).Assembly.Location;
        var script = CSharpSyntaxTree.ParseText(
            "#r \"" + newtonsoft + "\"\nvar text = Newtonsoft.Json.JsonConvert.SerializeObject(1);",
            new CSharpParseOptions(kind: SourceCodeKind.Script));
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "Script",
            script,
            TestCompilations.Create(includeNewtonsoft: false).References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, metadataReferenceResolver: new FileReferences()));

        AssertSameAnswers(compilation);
        Assert.That(ReferencedTypes.Read(compilation).HasNewtonsoftJson, Is.True);
    }

    private static void AssertSameAnswers(Compilation compilation)
    {
        var (hasNewtonsoftJson, hasArrayPool) = ReferencedTypes.Read(compilation);

        Assert.That(hasNewtonsoftJson, Is.EqualTo(compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert") is not null), "Newtonsoft.Json.JsonConvert");
        Assert.That(hasArrayPool, Is.EqualTo(compilation.GetTypeByMetadataName("System.Buffers.ArrayPool`1") is not null), "System.Buffers.ArrayPool`1");
    }

    /// <summary>Resolves a #r path to the file itself, as a script host would.</summary>
    private sealed class FileReferences : MetadataReferenceResolver
    {
        public override bool Equals(object? other) => other is FileReferences;

        public override int GetHashCode() => 1;

        public override System.Collections.Immutable.ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
            System.Collections.Immutable.ImmutableArray.Create(MetadataReference.CreateFromFile(reference, properties));
    }
}
