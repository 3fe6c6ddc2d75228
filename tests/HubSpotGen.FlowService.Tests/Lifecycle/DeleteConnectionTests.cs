using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary><see cref="HubSpotConnections.DeleteAsync"/>: a bodiless DELETE that succeeds on 204 and on 202.</summary>
public sealed class DeleteConnectionTests : LifecycleFixture
{
    [TestCase(204)]
    [TestCase(202)]
    public async Task Delete_sends_a_bodiless_delete_and_succeeds_on(int status)
    {
        AnswerInTurn((status, null));

        await Connections().DeleteAsync(ConnectionId);

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("DELETE"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/69f188b6-af07-4587-8061-e94d34637b41"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            Assert.That(request.Body, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders("Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name");
        });
    }

    [Test]
    public void Deleting_an_unknown_connection_is_an_error()
    {
        AnswerInTurn((404, NotFoundAnswer));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().DeleteAsync(ConnectionId))!;

        Assert.That(exception.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void An_empty_id_is_refused_before_anything_is_sent()
    {
        var exception = Assert.CatchAsync<ArgumentException>(() => Connections().DeleteAsync(Guid.Empty))!;

        Assert.That(exception.ParamName, Is.EqualTo("id"));
        AssertNothingWasSent();
    }
}
