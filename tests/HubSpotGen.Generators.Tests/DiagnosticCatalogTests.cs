using System.Reflection;
using System.Text.RegularExpressions;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// The catalog and its release notes cannot drift: every rule the generator can report is documented in
/// AnalyzerReleases.*.md with its category, severity and title, and nothing documented is missing.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToList();

    [Test]
    public void The_catalog_has_rules()
    {
        Assert.That(Descriptors, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(Descriptors.Select(d => d.Id), Is.Unique);
    }

    [Test]
    public void Every_rule_is_documented_in_the_analyzer_releases_with_its_category_severity_and_title()
    {
        var documented = DocumentedRules();

        Assert.Multiple(() =>
        {
            foreach (var descriptor in Descriptors)
            {
                Assert.That(documented.TryGetValue(descriptor.Id, out var row), Is.True, descriptor.Id + " is not in AnalyzerReleases.Shipped.md or AnalyzerReleases.Unshipped.md.");
                if (row is not null)
                {
                    Assert.That(row.Category, Is.EqualTo(descriptor.Category), descriptor.Id + " category");
                    Assert.That(row.Severity, Is.EqualTo(descriptor.DefaultSeverity.ToString()), descriptor.Id + " severity");
                    Assert.That(row.Notes, Is.EqualTo(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)), descriptor.Id + " title");
                }
            }
        });
    }

    [Test]
    public void Every_documented_rule_is_in_the_catalog()
    {
        Assert.That(DocumentedRules().Keys, Is.EquivalentTo(Descriptors.Select(d => d.Id)));
    }

    [Test]
    public void Every_rule_has_a_message_and_a_help_text()
    {
        Assert.Multiple(() =>
        {
            foreach (var descriptor in Descriptors)
            {
                Assert.That(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.Not.Empty, descriptor.Id);
                Assert.That(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.Not.Empty, descriptor.Id);
            }
        });
    }

    /// <summary>The rows of the rule tables, by id, from both release files.</summary>
    private static Dictionary<string, ReleaseRow> DocumentedRules()
    {
        var rows = new Dictionary<string, ReleaseRow>(StringComparer.Ordinal);
        foreach (var name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "generators", "HubSpotGen.Generators", name)))
            {
                var match = RulePattern().Match(line);
                if (match.Success)
                {
                    Assert.That(rows.ContainsKey(match.Groups["id"].Value), Is.False, match.Groups["id"].Value + " is documented twice.");
                    rows[match.Groups["id"].Value] = new ReleaseRow(match.Groups["category"].Value.Trim(), match.Groups["severity"].Value.Trim(), match.Groups["notes"].Value.Trim());
                }
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\s*(?<id>HSG\d{4})\s*\|(?<category>[^|]*)\|(?<severity>[^|]*)\|(?<notes>.*)$")]
    private static partial Regex RulePattern();

    private sealed record ReleaseRow(string Category, string Severity, string Notes);
}
