
namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary><see cref="HubSpotConnections.GetSpecAsync"/>: HubSpot's connection spec, unwrapped from its items envelope.</summary>
public sealed class GetConnectionSpecTests : LifecycleFixture
{
    [Test]
    public async Task GetSpec_asks_for_the_hubspot_spec_and_reads_it()
    {
        AnswerInTurn((200, LifecycleAnswers.HubSpotSpec));

        var spec = await Connections().GetSpecAsync();

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo("/data/foundation/flowservice/connectionSpecs/cc6a4487-9e91-433e-a3a3-9cf6626c1806"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(LifecycleFixture.ReadHeaders);

            Assert.That(spec.Id, Is.EqualTo(HubSpotConnectionSpec.IdAsGuid));
            Assert.That(spec.Name, Is.EqualTo("hubspot"));
            Assert.That(spec.Version, Is.EqualTo(HubSpotConnectionSpec.Version));
            Assert.That(spec.ProviderId, Is.EqualTo(Guid.Parse("0ed90a81-07f4-4586-8190-b40eccef1c5a")));
            Assert.That(spec.AuthSpec?.Select(auth => auth.Name), Is.EqualTo(new[] { HubSpotConnectionSpec.AuthSpecName }));
            Assert.That(
                spec.AuthSpec![0].Spec?["required"]?.ToObject<string[]>(),
                Is.EqualTo(new[] { "clientId", "clientSecret", "accessToken", "refreshToken" }));
        });
    }

    [Test]
    public void An_envelope_without_the_spec_is_an_api_error()
    {
        AnswerInTurn((200, """{ "items": [] }"""));

        Assert.CatchAsync<ApiException>(() => Connections().GetSpecAsync());
    }
}
