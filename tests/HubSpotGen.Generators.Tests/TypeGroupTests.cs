using System.Text;
using HubSpotGen.Generators.Emitting;
using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// The compiler compares each added file's hint name with every one added before it, so a spec of thousands of
/// types is written in groups of types rather than a file each. A small spec keeps a file per type.
/// </summary>
public sealed class TypeGroupTests
{
    [Test]
    public void Up_to_the_limit_every_type_has_a_file_named_after_it()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecWithSchemas(Emitter.TypesInOwnFiles - 1)));

        run.AssertGeneratorDidNotThrow();
        var modelFiles = run.Sources.Where(source => source.HintName.Contains(".Models.") || source.HintName.Contains(".Enums.")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(modelFiles, Has.Count.EqualTo(Emitter.TypesInOwnFiles));
            Assert.That(run.Sources.Any(source => source.HintName.Contains(".Types.")), Is.False);
        });
    }

    [Test]
    public void Past_the_limit_types_are_written_in_groups_each_declared_once_and_all_compile()
    {
        const int schemas = 1000;
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecWithSchemas(schemas)));

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutErrors();
        var groups = run.Sources.Where(source => source.HintName.Contains(".Types.")).ToList();
        var declared = groups.SelectMany(group => DeclaredTypes(group.Text)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Sources.Any(source => source.HintName.Contains(".Models.") || source.HintName.Contains(".Enums.")), Is.False);
            // 1,000 objects and the shared enum: 16 groups of about 64, and none of them empty.
            Assert.That(groups, Has.Count.EqualTo((schemas + 1 + Emitter.TypesPerGroup - 1) / Emitter.TypesPerGroup));
            Assert.That(declared, Has.Count.EqualTo(schemas + 1));
            Assert.That(declared, Is.Unique);
            Assert.That(declared, Does.Contain("Thing0000").And.Contain("Thing0999").And.Contain("Colour"));
            Assert.That(groups.Select(group => DeclaredTypes(group.Text).Count), Is.All.InRange(Emitter.TypesPerGroup / 4, Emitter.TypesPerGroup * 2));
        });
    }

    [Test]
    public void A_type_stays_in_its_group_when_other_types_are_added()
    {
        var before = GroupOf(GeneratorHarness.Run(SpecInput.Inline(SpecWithSchemas(1000))));
        // 1,010 types still make 16 groups: the ten new ones join groups, and no type moves.
        var after = GroupOf(GeneratorHarness.Run(SpecInput.Inline(SpecWithSchemas(1010))));

        Assert.That(before.Where(entry => after[entry.Key] != entry.Value), Is.Empty);
    }

    /// <summary>An object schema per number (Thing0000…), each with a property of a shared enum.</summary>
    internal static string SpecWithSchemas(int count)
    {
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo:\n  title: Many\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n");
        yaml.Append("    Colour:\n      type: string\n      enum: [red, green]\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append("    Thing").Append(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(":\n")
                .Append("      type: object\n      properties:\n        name: {type: string}\n        colour: {$ref: '#/components/schemas/Colour'}\n");
        }

        return yaml.ToString();
    }

    private static Dictionary<string, string> GroupOf(GeneratorRun run) =>
        run.Sources.Where(source => source.HintName.Contains(".Types."))
            .SelectMany(group => DeclaredTypes(group.Text).Select(type => (type, group.HintName)))
            .ToDictionary(entry => entry.type, entry => entry.HintName);

    private static List<string> DeclaredTypes(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"^    public (?:sealed partial class|readonly partial struct) (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value)
            .ToList();
}
