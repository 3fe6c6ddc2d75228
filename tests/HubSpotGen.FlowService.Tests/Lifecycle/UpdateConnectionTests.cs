using HubSpotGen.FlowService.Models;

using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary>
/// Updates: PATCH with If-Match carrying the etag exactly as received (quotes included) and a JSON Patch array
/// of lowercase replace operations; the new etag read back; a stale etag as a typed error.
/// </summary>
public sealed class UpdateConnectionTests : LifecycleFixture
{
    private static readonly string[] PatchHeaders = [.. ReadHeaders, "Content-Type", "If-Match"];

    private const string NewCredentialsOp = """
        { "op": "replace", "path": "/auth/params",
          "value": { "clientId": "test-hubspot-client-id", "clientSecret": "test-client-secret",
                     "accessToken": "test-hubspot-access-token", "refreshToken": "test-hubspot-refresh-token" } }
        """;

    [Test]
    public async Task UpdateCredentials_sends_one_replace_of_auth_params()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var updated = await Connections().UpdateCredentialsAsync(ConnectionId, Etag, FakePlatform.Credentials());

        AssertPatch(SingleRequest(), "[" + NewCredentialsOp + "]");
        Assert.That(updated.Id, Is.EqualTo(ConnectionId));
        Assert.That(updated.Etag, Is.EqualTo(NewEtag), "the new etag, quotes included");
    }

    [Test]
    public async Task Rename_sends_one_replace_of_name()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var updated = await Connections().RenameAsync(ConnectionId, Etag, "HubSpot (renamed)");

        AssertPatch(SingleRequest(), """[ { "op": "replace", "path": "/name", "value": "HubSpot (renamed)" } ]""");
        Assert.That(updated.Etag, Is.EqualTo(NewEtag));
    }

    [Test]
    public async Task UpdateDescription_sends_one_add_of_description_which_sets_it_whether_or_not_it_exists()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var updated = await Connections().UpdateDescriptionAsync(ConnectionId, Etag, "rotated after HubSpot's 30-minute tokens");

        AssertPatch(SingleRequest(), """[ { "op": "add", "path": "/description", "value": "rotated after HubSpot's 30-minute tokens" } ]""");
        Assert.That(updated.Etag, Is.EqualTo(NewEtag));
    }

    [Test]
    public async Task Update_sends_every_change_in_one_patch_in_a_fixed_order()
    {
        AnswerInTurn((200, UpdatedAnswer));

        await Connections().UpdateAsync(ConnectionId, Etag, FakePlatform.Credentials(), name: "new name", description: "new description");

        AssertPatch(SingleRequest(), "[" + NewCredentialsOp + """
            , { "op": "replace", "path": "/name", "value": "new name" }
            , { "op": "add", "path": "/description", "value": "new description" } ]
            """);
    }

    [Test]
    public async Task The_new_etag_is_what_the_next_update_sends()
    {
        AnswerInTurn((200, UpdatedAnswer), (200, UpdatedAnswer));
        var connections = Connections();

        var first = await connections.RenameAsync(ConnectionId, Etag, "first");
        await connections.RenameAsync(ConnectionId, first.Etag, "second");

        Assert.That(Requests().Select(request => request.Header("If-Match").Single()), Is.EqualTo(new[] { Etag, NewEtag }));
    }

    [Test]
    public void A_stale_etag_surfaces_as_a_typed_precondition_error()
    {
        AnswerInTurn((412, StaleEtagAnswer));

        var exception = Assert.ThrowsAsync<PreconditionFailedException>(
            () => Connections().UpdateCredentialsAsync(ConnectionId, Etag, FakePlatform.Credentials()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(412));
            Assert.That(exception.ConnectionId, Is.EqualTo(ConnectionId));
            Assert.That(exception.SuppliedEtag, Is.EqualTo(Etag));
            Assert.That(exception.Error?.Code, Is.EqualTo("FLOW-1404-412"));
            Assert.That(exception.Error?.Report?.RequestId, Is.EqualTo("test-request-id"));
            Assert.That(exception.InnerException, Is.InstanceOf<ApiException>());
            JsonAssert.AreEquivalent(StaleEtagAnswer, exception.ResponseBody);
            // The request carried the HubSpot secrets; the error must not.
            SecretAssert.ExceptionContainsNoSecret(exception);
        });
    }

    [Test]
    public void The_precondition_error_is_still_an_api_exception_for_generic_handlers()
    {
        AnswerInTurn((412, StaleEtagAnswer));

        var exception = Assert.CatchAsync<ApiException<ErrorResponse>>(() => Connections().RenameAsync(ConnectionId, Etag, "renamed"))!;

        Assert.That(exception, Is.InstanceOf<PreconditionFailedException>());
    }

    [Test]
    public void Other_errors_are_not_precondition_errors()
    {
        AnswerInTurn((400, """{ "type": "https://ns.adobe.com/aep/errors/FLOW-1403-400", "title": "Missing If-Match", "status": 400 }"""));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().RenameAsync(ConnectionId, Etag, "renamed"))!;

        Assert.That(exception, Is.Not.InstanceOf<PreconditionFailedException>());
        Assert.That(exception.StatusCode, Is.EqualTo(400));
    }

    [TestCase(null, TestName = "A null etag is refused")]
    [TestCase("", TestName = "An empty etag is refused")]
    [TestCase("  ", TestName = "A blank etag is refused")]
    [TestCase("\"abc\"\r\nX-Injected: 1", TestName = "An etag with a line break is refused")]
    public void A_bad_etag_is_refused_before_anything_is_sent(string? etag)
    {
        AnswerInTurn((200, UpdatedAnswer));

        var exception = Assert.CatchAsync<ArgumentException>(() => Connections().RenameAsync(ConnectionId, etag!, "renamed"))!;

        Assert.That(exception.ParamName, Is.EqualTo("etag"));
        AssertNothingWasSent();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t")]
    public void A_blank_name_is_refused_before_anything_is_sent(string? name)
    {
        AnswerInTurn((200, UpdatedAnswer));

        Assert.Multiple(() =>
        {
            Assert.That(Assert.CatchAsync<ArgumentException>(() => Connections().RenameAsync(ConnectionId, Etag, name!))!.ParamName, Is.EqualTo("name"));
            if (name is not null)
            {
                Assert.That(Assert.CatchAsync<ArgumentException>(() => Connections().UpdateAsync(ConnectionId, Etag, name: name))!.ParamName, Is.EqualTo("name"));
            }
        });
        AssertNothingWasSent();
    }

    [Test]
    public void Other_bad_input_is_refused_before_anything_is_sent()
    {
        AnswerInTurn((200, UpdatedAnswer));
        var connections = Connections();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.CatchAsync<ArgumentException>(() => connections.RenameAsync(Guid.Empty, Etag, "renamed"))!.ParamName, Is.EqualTo("id"));
            Assert.That(Assert.CatchAsync<ArgumentException>(() => connections.UpdateCredentialsAsync(ConnectionId, Etag, null!))!.ParamName, Is.EqualTo("credentials"));
            Assert.That(Assert.CatchAsync<ArgumentException>(() => connections.UpdateDescriptionAsync(ConnectionId, Etag, null!))!.ParamName, Is.EqualTo("description"));
            Assert.That(Assert.CatchAsync<ArgumentException>(() => connections.UpdateAsync(ConnectionId, Etag)), Is.Not.Null, "nothing to change");
        });
        AssertNothingWasSent();
    }

    private static void AssertPatch(WireMock.IRequestMessage request, string expectedPatch)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("PATCH"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/69f188b6-af07-4587-8061-e94d34637b41"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            // Exactly as received: the quotes are part of the etag, so neither stripped nor doubled.
            request.AssertHeader("If-Match", "\"6802064a-0000-0200-0000-6387c6b90000\"");
            request.AssertHeader("Content-Type", "application/json");
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(PatchHeaders);
            Assert.That(JsonAssert.Parse(request.Body ?? "null").Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Array), "a JSON Patch array, not an object");
            JsonAssert.AreEquivalent(expectedPatch, request.Body);
        });
    }
}
