using System.Collections;
using System.Reflection;
using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// OpenAPI 3.1 webhooks: the payload types and the <c>{Client}Webhooks</c> class a receiver reads request
/// bodies with, compiled and called; and the webhooks it cannot read, reported where they are written.
/// </summary>
public sealed class WebhookTests
{
    private const string Ns = "Corpus.Generated";

    [Test]
    public void An_inline_payload_is_read_into_its_own_type_by_a_static_parse_method_named_after_the_webhook()
    {
        var webhooks = LoadWebhooks();
        var parse = webhooks.GetMethod("ParseNewPet", BindingFlags.Public | BindingFlags.Static)!;

        var pet = parse.Invoke(null, new object[] { """{"id": 42, "name": "Rex", "status": "sold", "tags": ["good", "dog"]}""" })!;

        Assert.That(parse.ReturnType.FullName, Is.EqualTo(Ns + ".NewPet"));
        Assert.That(pet.GetType().GetProperty("Id")!.GetValue(pet), Is.EqualTo(42L));
        Assert.That(pet.GetType().GetProperty("Name")!.GetValue(pet), Is.EqualTo("Rex"));
        var status = pet.GetType().GetProperty("Status")!.GetValue(pet)!;
        Assert.That(status.ToString(), Is.EqualTo("sold"));
        Assert.That(status.GetType().FullName, Is.EqualTo(Ns + ".NewPetStatus"));
        Assert.That((IEnumerable)pet.GetType().GetProperty("Tags")!.GetValue(pet)!, Is.EqualTo(new[] { "good", "dog" }));
    }

    [Test]
    public void A_payload_by_reference_is_the_referenced_type_and_the_operation_id_names_the_method()
    {
        var webhooks = LoadWebhooks();
        var parse = webhooks.GetMethod("ParsePetWasSold", BindingFlags.Public | BindingFlags.Static)!;

        var sale = parse.Invoke(null, new object[] { """{"petId": 7, "price": null, "soldAt": "2026-01-02T03:04:05Z"}""" })!;

        Assert.That(parse.ReturnType.FullName, Is.EqualTo(Ns + ".Sale"));
        Assert.That(sale.GetType().GetProperty("PetId")!.GetValue(sale), Is.EqualTo(7L));
        Assert.That(sale.GetType().GetProperty("Price")!.GetValue(sale), Is.Null);
        Assert.That(sale.GetType().GetProperty("SoldAt")!.GetValue(sale), Is.EqualTo(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    [Test]
    public void A_webhook_given_as_a_path_item_reference_is_read_and_keeps_its_deprecation()
    {
        var run = RunCorpusSpec();
        var parse = run.GetGeneratedType(Ns + ".PetEventsClientWebhooks").GetMembers("ParsePetRetired").OfType<IMethodSymbol>().Single();
        Assert.That(parse.GetAttributes().Select(a => a.AttributeClass!.ToDisplayString()), Does.Contain("System.ObsoleteAttribute"));

        var method = LoadWebhooks(run).GetMethod("ParsePetRetired", BindingFlags.Public | BindingFlags.Static)!;
        var sales = (IList)method.Invoke(null, new object[] { """[{"petId": 1}, {"petId": 2}]""" })!;

        Assert.That(sales, Has.Count.EqualTo(2));
        Assert.That(sales[1]!.GetType().GetProperty("PetId")!.GetValue(sales[1]), Is.EqualTo(2L));
    }

    [Test]
    public void A_body_that_is_null_or_json_null_or_not_json_is_refused_with_the_webhook_named()
    {
        var parse = LoadWebhooks().GetMethod("ParseNewPet", BindingFlags.Public | BindingFlags.Static)!;

        var missing = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, new object?[] { null }))!.InnerException;
        var jsonNull = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, new object[] { "null" }))!.InnerException;
        var notJson = Assert.Throws<TargetInvocationException>(() => parse.Invoke(null, new object[] { "{\"id\": " }))!.InnerException;

        Assert.That(missing, Is.TypeOf<ArgumentNullException>());
        Assert.That(jsonNull, Is.InstanceOf<Newtonsoft.Json.JsonException>());
        Assert.That(jsonNull!.Message, Does.Contain("'newPet'"));
        Assert.That(notJson, Is.InstanceOf<Newtonsoft.Json.JsonException>());
    }

    [Test]
    public void Untyped_payload_values_are_read_with_the_clients_settings_so_date_like_strings_stay_strings()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Hooks, version: '1'}
            paths: {}
            webhooks:
              changed:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {before: {}}}
                  responses:
                    '200': {description: OK.}
            """);
        var parse = LoadedClient.Load(run).GetType("Generated.Api.HooksClientWebhooks")!.GetMethod("ParseChanged")!;

        var payload = parse.Invoke(null, new object[] { """{"before": "2026-01-02T03:04:05Z"}""" })!;
        var before = (Newtonsoft.Json.Linq.JToken)payload.GetType().GetProperty("Before")!.GetValue(payload)!;

        Assert.That(before.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.String));
        Assert.That(before.ToString(), Is.EqualTo("2026-01-02T03:04:05Z"));
    }

    [Test]
    public void The_webhooks_class_name_is_kept_free_of_a_schema_of_the_same_name()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Hooks, version: '1'}
            paths: {}
            webhooks:
              ping:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/HooksClientWebhooks'}
                  responses:
                    '200': {description: OK.}
            components:
              schemas:
                HooksClientWebhooks:
                  type: object
                  properties:
                    id: {type: string}
            """);

        var parse = run.GetGeneratedType("Generated.Api.HooksClientWebhooks").GetMembers("ParsePing").OfType<IMethodSymbol>().Single();
        Assert.That(parse.ReturnType.Name, Is.Not.EqualTo("HooksClientWebhooks"));
        Assert.That(parse.ReturnType.Name, Does.StartWith("HooksClientWebhooks"));
    }

    [Test]
    public void A_webhook_without_a_json_body_is_HSG0014_naming_it_and_the_others_still_get_their_methods()
    {
        var run = GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.BrokenFolder, "webhook-without-json-body.yaml"));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();

        var messages = run.GeneratorDiagnostics.Where(d => d.Id == "HSG0014").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(messages, Is.EquivalentTo(new[]
        {
            "The webhook 'xmlOnly' has no JSON body, so it gets no parse method",
            "The webhook 'noSchema' has a JSON body without a schema, so it gets no parse method",
            "The webhook 'noBody' has no request body, so it gets no parse method",
        }));
        Assert.That(run.GeneratorDiagnostics.Where(d => d.Id == "HSG0014").Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Warning));
        var methods = run.GetGeneratedType(Ns + ".WebhooksThatCannotBeReadClientWebhooks").GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name);
        Assert.That(methods, Is.EquivalentTo(new[] { "ParseGood" }));
    }

    [Test]
    public void A_spec_without_webhooks_gets_no_webhooks_file()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: {title: Hooks, version: '1'}
            paths: {}
            """);

        Assert.That(run.Sources.Select(s => s.HintName), Has.None.Contains("Webhooks"));
    }

    private static GeneratorRun RunCorpusSpec()
    {
        var run = GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.ValidFolder, "oas31-webhooks.yaml"));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        return run;
    }

    private static Type LoadWebhooks(GeneratorRun? run = null) =>
        LoadedClient.Load(run ?? RunCorpusSpec()).GetType(Ns + ".PetEventsClientWebhooks") ?? throw new AssertionException("No PetEventsClientWebhooks class.");

    private static GeneratorRun Generate(string spec)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(spec)));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        return run;
    }
}
