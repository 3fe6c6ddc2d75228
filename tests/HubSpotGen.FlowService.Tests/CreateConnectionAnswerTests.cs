
namespace HubSpotGen.FlowService.Tests;

/// <summary>How the 201 answer of a create is read.</summary>
public sealed class CreateConnectionAnswerTests : StubServerFixture
{
    [Test]
    public async Task The_created_answer_yields_the_id_and_the_etag_with_its_quotes()
    {
        AnswerEveryRequest(201, """{"id":"2fce94c1-9a93-4971-8e94-c19a93097129","etag":"\"d403848a-0000-0200-0000-5e978f7b0000\""}""");
        var connections = new HubSpotConnections(CreateClient());

        var created = await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo(Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129")));
            // The quotes belong to the value: If-Match must send it back exactly so.
            Assert.That(created.Etag, Is.EqualTo("\"d403848a-0000-0200-0000-5e978f7b0000\""));
        });
    }
}
