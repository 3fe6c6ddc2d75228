using HubSpotGen.FlowService.Models;

using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary>A member missing from an answer reads as null or default: one odd item never loses a page.</summary>
public sealed class TolerantReadingTests : LifecycleFixture
{
    private static readonly Guid WithoutAuth = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid WithoutSpecVersion = Guid.Parse("66666666-7777-8888-9999-000000000000");

    [Test]
    public async Task A_page_with_a_connection_without_auth_and_one_whose_spec_has_no_version_lists_every_item()
    {
        var noAuth = $$"""
            { "id": "{{WithoutAuth}}", "name": "Data lake", "state": "enabled", "etag": "\"e1\"",
              "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c", "version": "1.0" } }
            """;
        var noVersion = $$"""
            { "id": "{{WithoutSpecVersion}}", "name": "Odd spec", "state": "enabled", "etag": "\"e2\"",
              "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806" },
              "auth": { "specName": "Basic Authentication", "params": { "clientId": "c" } } }
            """;
        AnswerInTurn((200, Page(null, noAuth, Connection(ConnectionId, "ordinary"), noVersion)));

        var listed = new List<Connection>();
        await foreach (var connection in Connections().ListAsync())
        {
            listed.Add(connection);
        }

        Assert.That(listed.Select(connection => connection.Id), Is.EqualTo(new[] { WithoutAuth, ConnectionId, WithoutSpecVersion }));
        Assert.Multiple(() =>
        {
            Assert.That(listed[0].Auth, Is.Null);
            Assert.That(listed[0].Name, Is.EqualTo("Data lake"));
            Assert.That(listed[2].ConnectionSpec.Version, Is.Null);
            Assert.That(listed[2].ConnectionSpec.Id, Is.EqualTo(HubSpotConnectionSpec.IdAsGuid));
        });
    }

    [Test]
    public async Task A_connection_missing_every_member_but_its_id_still_reads()
    {
        AnswerInTurn((200, $$"""{ "items": [ { "id": "{{ConnectionId}}" } ] }"""));

        var connection = await Connections().GetAsync(ConnectionId);

        Assert.That(connection!.Id, Is.EqualTo(ConnectionId));
        Assert.That(connection.Name, Is.Null);
        Assert.That(connection.Etag, Is.Null);
        Assert.That(connection.Auth, Is.Null);
    }
}
