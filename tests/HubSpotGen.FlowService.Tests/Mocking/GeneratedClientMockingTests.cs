using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService.Tests.Mocking;

/// <summary>
/// The generated client is mockable the same way as the facades: its operations are virtual and a protected
/// constructor needs no HttpClient, so a facade can be tested over a subclass that answers in memory.
/// </summary>
public sealed class GeneratedClientMockingTests
{
    private static readonly Guid ConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");

    [Test]
    public async Task The_facade_reads_what_a_subclass_of_the_generated_client_answers()
    {
        var client = new AnsweringClient();

        var connection = await new HubSpotConnections(client).GetAsync(ConnectionId);

        Assert.Multiple(() =>
        {
            Assert.That(client.AskedFor, Is.EqualTo(new[] { ConnectionId }));
            Assert.That(connection?.Name, Is.EqualTo("HubSpot base connection"));
            Assert.That(connection?.Etag, Is.EqualTo("\"etag-1\""));
        });
    }

    private sealed class AnsweringClient : FlowServiceClient
    {
        public List<Guid> AskedFor { get; } = [];

        public override Task<ConnectionList> GetConnectionAsync(Guid connectionId, string? sandboxName = null, CancellationToken cancellationToken = default)
        {
            AskedFor.Add(connectionId);
            return Task.FromResult(new ConnectionList
            {
                Items =
                [
                    new Connection
                    {
                        Id = connectionId,
                        Name = "HubSpot base connection",
                        Etag = "\"etag-1\"",
                        State = ConnectionState.Enabled,
                        ConnectionSpec = HubSpotConnectionSpec.Reference(),
                    },
                ],
            });
        }
    }
}
