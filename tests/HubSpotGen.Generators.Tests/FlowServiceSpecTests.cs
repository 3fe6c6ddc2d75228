using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>The real spec: what the library is built from must generate clean, complete code.</summary>
public sealed class FlowServiceSpecTests
{
    private const string ClientMetadataName = "HubSpotGen.FlowService.FlowServiceClient";

    private static readonly string[] ExpectedMethods =
    {
        "CreateConnectionAsync",
        "ListConnectionsAsync",
        "GetConnectionAsync",
        "UpdateConnectionAsync",
        "DeleteConnectionAsync",
        "GetConnectionSpecAsync",
        "ExploreConnectionAsync",
    };

    [Test]
    public void Generates_a_client_that_compiles_without_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(SpecInput.FlowService());

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.That(run.Sources, Is.Not.Empty);
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void Client_has_one_async_method_per_operation()
    {
        var run = GeneratorHarness.Run(SpecInput.FlowService());

        var client = run.GetGeneratedType(ClientMetadataName);
        var methods = PublicMethodNames(client);
        Assert.That(methods, Is.SupersetOf(ExpectedMethods));
        foreach (var name in ExpectedMethods)
        {
            var method = client.GetMembers(name).OfType<IMethodSymbol>().Single();
            Assert.That(method.Parameters.Last().Type.ToDisplayString(), Is.EqualTo("System.Threading.CancellationToken"), name);
            Assert.That(method.ReturnType.Name, Is.EqualTo("Task"), name);
        }
    }

    [Test]
    public void An_operation_added_to_the_spec_becomes_a_method()
    {
        var original = File.ReadAllText(RepositoryPaths.FlowServiceSpec).Replace("\r\n", "\n");
        const string anchor = "\n  /connections/{connectionId}:\n";
        Assert.That(original, Does.Contain(anchor), "The spec's layout changed; update the anchor of this test.");
        var edited = original.Replace(anchor, "\n" + SpecText.Lf("""
              /connections/{connectionId}/test:
                parameters:
                  - $ref: '#/components/parameters/ConnectionId'
                get:
                  operationId: testConnection
                  summary: Test a base connection
                  responses:
                    '200':
                      description: The connection works.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/ConnectionList'
            """) + anchor);

        var before = GeneratorHarness.Run(SpecInput.FlowService(original));
        var after = GeneratorHarness.Run(SpecInput.FlowService(edited));

        Assert.That(PublicMethodNames(before.GetGeneratedType(ClientMetadataName)), Has.No.Member("TestConnectionAsync"));
        var method = after.GetGeneratedType(ClientMetadataName).GetMembers("TestConnectionAsync").OfType<IMethodSymbol>().Single();
        Assert.That(method.Parameters.Select(p => p.Name), Does.Contain("connectionId"));
        after.AssertGeneratorDidNotThrow();
        after.AssertCompilesWithoutWarnings();
    }

    private static List<string> PublicMethodNames(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.MethodKind == MethodKind.Ordinary)
            .Select(m => m.Name)
            .ToList();
}
