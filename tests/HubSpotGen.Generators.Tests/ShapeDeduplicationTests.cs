using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Inline enums, objects and unions of one wire shape are declared once, under the name of their first use
/// (or of a named schema of that shape); shapes that differ in anything JSON or C# can see stay apart.
/// </summary>
public sealed class ShapeDeduplicationTests
{
    private const string Ns = "Corpus.Generated";

    [Test]
    public void The_same_inline_enum_in_three_places_is_one_enum_named_after_its_first_use()
    {
        var run = RunCorpusSpec();

        Assert.That(EnumFiles(run).Where(name => name.EndsWith("State", StringComparison.Ordinal)), Is.EqualTo(new[] { "OrderState" }));
        Assert.That(Unwrap(PropertyType(run, "Order", "State")).Name, Is.EqualTo("OrderState"));
        Assert.That(Unwrap(PropertyType(run, "Invoice", "OrderState")).Name, Is.EqualTo("OrderState"));
        Assert.That(Unwrap(PropertyType(run, "CreateOrderRequest", "State")).Name, Is.EqualTo("OrderState"));
        var state = Client(run).GetMembers("ListOrdersAsync").OfType<IMethodSymbol>().Single().Parameters.Single(p => p.Name == "state");
        Assert.That(Unwrap(state.Type).Name, Is.EqualTo("OrderState"));
    }

    [Test]
    public void The_kept_enum_has_the_documentation_of_its_first_use()
    {
        var run = RunCorpusSpec();

        var xml = run.GetGeneratedType(Ns + ".OrderState").GetDocumentationCommentXml();
        Assert.That(xml, Does.Contain("Where the order is in its life."));
    }

    [Test]
    public void Enums_with_other_values_stay_separate()
    {
        var run = RunCorpusSpec();

        Assert.That(Unwrap(PropertyType(run, "Order", "Priority")).Name, Is.EqualTo("OrderPriority"));
        Assert.That(EnumFiles(run), Does.Contain("OrderPriority"));
    }

    [Test]
    public void An_inline_enum_of_a_named_enums_shape_uses_the_named_one_and_two_named_ones_stay_two()
    {
        var run = RunCorpusSpec();

        Assert.That(Unwrap(PropertyType(run, "Invoice", "PaidIn")).Name, Is.EqualTo("Currency"));
        Assert.That(Unwrap(PropertyType(run, "Invoice", "Currency")).Name, Is.EqualTo("Currency"));
        Assert.That(EnumFiles(run), Does.Contain("Currency").And.Contain("Money").And.No.Contain("InvoicePaidIn"));
    }

    [Test]
    public void The_same_inline_object_in_two_places_is_one_class_and_one_that_differs_in_required_stays_apart()
    {
        var run = RunCorpusSpec();

        Assert.That(PropertyType(run, "Order", "ShipTo").Name, Is.EqualTo("OrderShipTo"));
        Assert.That(PropertyType(run, "CreateOrderRequest", "ShipTo").Name, Is.EqualTo("OrderShipTo"));
        Assert.That(PropertyType(run, "Order", "BillTo").Name, Is.EqualTo("OrderBillTo"), "billTo does not require street, so it is another shape.");
        Assert.That(ModelFiles(run), Does.Not.Contain("CreateOrderRequestShipTo"));
    }

    [Test]
    public void Objects_that_only_differ_by_which_copy_of_one_enum_they_name_become_one()
    {
        // Each object names its own copy of the enum until the copies are merged; then the objects are equal too.
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Nested, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    inner:
                      type: object
                      properties:
                        color: {type: string, enum: [red, green]}
                B:
                  type: object
                  properties:
                    inner:
                      type: object
                      properties:
                        color: {type: string, enum: [red, green]}
            """);

        Assert.That(PropertyType(run, "B", "Inner", "Generated.Api").Name, Is.EqualTo("AInner"));
        Assert.That(run.Sources.Select(s => s.HintName), Has.None.Contains("BInner"));
        Assert.That(run.Sources.Count(s => s.HintName.Contains(".Enums.", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void Integer_and_string_enums_of_the_same_values_stay_apart()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Kinds, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    asText: {type: string, enum: ['1', '2']}
                    asNumber: {type: integer, enum: [1, 2]}
            """);

        Assert.That(Unwrap(PropertyType(run, "Thing", "AsText", "Generated.Api")).Name, Is.EqualTo("ThingAsText"));
        Assert.That(Unwrap(PropertyType(run, "Thing", "AsNumber", "Generated.Api")).Name, Is.EqualTo("ThingAsNumber"));
    }

    [Test]
    public void The_same_inline_union_in_two_places_is_one_class_and_one_with_another_discriminator_stays_apart()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: {title: Unions, version: '1'}
            paths: {}
            components:
              schemas:
                Cat:
                  type: object
                  properties:
                    kind: {type: string}
                Dog:
                  type: object
                  properties:
                    kind: {type: string}
                Home:
                  type: object
                  properties:
                    pet:
                      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                Shelter:
                  type: object
                  properties:
                    pet:
                      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                    other:
                      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                      discriminator: {propertyName: kind}
            """);

        Assert.That(PropertyType(run, "Shelter", "Pet", "Generated.Api").Name, Is.EqualTo("HomePet"));
        Assert.That(PropertyType(run, "Shelter", "Other", "Generated.Api").Name, Is.EqualTo("ShelterOther"));
        Assert.That(run.Sources.Select(s => s.HintName).Where(n => n.Contains(".Unions.", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "UnionsClient.Unions.HomePet.g.cs", "UnionsClient.Unions.ShelterOther.g.cs" }));
    }

    [Test]
    public void A_merged_enum_reads_and_writes_the_values_of_every_property_that_uses_it()
    {
        var assembly = LoadedClient.Load(RunCorpusSpec());
        var invoice = assembly.GetType(Ns + ".Invoice")!;

        var json = """{"orderState":"void","paidIn":"USD"}""";
        var roundTripped = Newtonsoft.Json.JsonConvert.SerializeObject(Newtonsoft.Json.JsonConvert.DeserializeObject(json, invoice));

        Assert.That(roundTripped, Is.EqualTo(json));
    }

    private static GeneratorRun RunCorpusSpec()
    {
        var run = GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.ValidFolder, "oas30-repeated-inline-shapes.yaml"));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        return run;
    }

    private static GeneratorRun Generate(string spec)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(spec)));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        return run;
    }

    private static INamedTypeSymbol Client(GeneratorRun run) => run.GetGeneratedType(Ns + ".RepeatedShapesClient");

    private static List<string> EnumFiles(GeneratorRun run) => TypeFiles(run, ".Enums.");

    private static List<string> ModelFiles(GeneratorRun run) => TypeFiles(run, ".Models.");

    private static List<string> TypeFiles(GeneratorRun run, string part) =>
        run.Sources.Select(s => s.HintName).Where(name => name.Contains(part, StringComparison.Ordinal))
            .Select(name => name.Substring(name.IndexOf(part, StringComparison.Ordinal) + part.Length).Replace(".g.cs", "", StringComparison.Ordinal))
            .ToList();

    private static ITypeSymbol PropertyType(GeneratorRun run, string type, string property, string @namespace = Ns) =>
        run.GetGeneratedType(@namespace + "." + type).GetMembers(property).OfType<IPropertySymbol>().SingleOrDefault()?.Type
        ?? throw new AssertionException(type + " has no property " + property);

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
}
