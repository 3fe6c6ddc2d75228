using HubSpotGen.FlowService.Models;
using System.Runtime.CompilerServices;

namespace HubSpotGen.FlowService.Tests.Mocking;

/// <summary>
/// Code that takes the facades can be tested without a server or a mocking library: a plain subclass, built
/// with the protected constructor, overrides what the code calls.
/// </summary>
public sealed class FacadeMockingTests
{
    private static readonly Guid ConnectionId = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");
    private static readonly Guid FlowId = Guid.Parse("c8b4fdc2-0d9e-4a6f-9e5c-6d1c3b8e2f10");

    [Test]
    public async Task A_subclass_of_the_connections_facade_stands_in_for_the_service()
    {
        var connections = new FakeConnections();
        var renamer = new ConnectionRenamer(connections);

        var renamed = await renamer.RenameAllAsync("HubSpot (old)", "HubSpot");

        Assert.Multiple(() =>
        {
            Assert.That(renamed, Is.EqualTo(1));
            Assert.That(connections.Renames, Is.EqualTo(new[] { (ConnectionId, "\"etag-1\"", "HubSpot") }));
        });
    }

    [Test]
    public async Task A_subclass_of_the_dataflows_facade_stands_in_for_the_service()
    {
        var dataflows = new FakeDataflows();
        var starter = new RunStarter(dataflows);

        var status = await starter.RunOnceAsync(FlowId);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("success"));
            Assert.That(dataflows.Enabled, Is.EqualTo(new[] { FlowId }));
        });
    }

    [Test]
    public void A_method_the_subclass_does_not_override_fails_rather_than_reaching_a_service()
    {
        // The protected constructor gives no client: nothing can be sent by accident from a mock.
        Assert.ThrowsAsync<NullReferenceException>(() => new FakeConnections().CountAsync());
    }

    /// <summary>The kind of class a user writes: it takes the facade and does something with its answers.</summary>
    private sealed class ConnectionRenamer(HubSpotConnections connections)
    {
        public async Task<int> RenameAllAsync(string from, string to)
        {
            var renamed = 0;
            await foreach (var connection in connections.ListAsync(new ConnectionQuery { Filters = ["name==" + from] }))
            {
                await connections.RenameAsync(connection.Id, connection.Etag, to);
                renamed++;
            }

            return renamed;
        }
    }

    private sealed class RunStarter(HubSpotDataflows dataflows)
    {
        public async Task<string?> RunOnceAsync(Guid flowId)
        {
            await dataflows.EnableAsync(flowId);
            var run = await dataflows.WaitForFirstRunAsync(flowId, TimeSpan.FromMinutes(1));
            return run.Status;
        }
    }

    private sealed class FakeConnections : HubSpotConnections
    {
        public List<(Guid Id, string Etag, string Name)> Renames { get; } = [];

        public override async IAsyncEnumerable<Connection> ListAsync(ConnectionQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new Connection
            {
                Id = ConnectionId,
                Name = "HubSpot (old)",
                Etag = "\"etag-1\"",
                State = ConnectionState.Enabled,
                ConnectionSpec = HubSpotConnectionSpec.Reference(),
            };
        }

        public override Task<UpdatedEntity> RenameAsync(Guid id, string etag, string name, CancellationToken cancellationToken = default)
        {
            Renames.Add((id, etag, name));
            return Task.FromResult(new UpdatedEntity(id, "\"etag-2\""));
        }
    }

    private sealed class FakeDataflows : HubSpotDataflows
    {
        public List<Guid> Enabled { get; } = [];

        public override Task EnableAsync(Guid flowId, CancellationToken cancellationToken = default)
        {
            Enabled.Add(flowId);
            return Task.CompletedTask;
        }

        public override Task<DataflowRun> WaitForFirstRunAsync(Guid flowId, TimeSpan timeout, IProgress<DataflowRun?>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new DataflowRun(Guid.NewGuid(), flowId, "success", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3), 10, 10, 0, []));
    }
}
