using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary><see cref="HubSpotConnections.CountAsync"/>: count=true with the filters, never with a limit.</summary>
public sealed class CountConnectionsTests : LifecycleFixture
{
    [Test]
    public async Task Count_sends_count_true_with_the_filters_and_reads_the_count()
    {
        AnswerInTurn((200, """{ "count": 95 }"""));

        var count = await Connections().CountAsync(new ConnectionQuery { Filters = ["state==enabled"] });

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(95L));
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath));
            Assert.That(request.RawQuery, Is.EqualTo("?" + HubSpotPropertyOnWire + "&property=state%3D%3Denabled&count=true"));
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
        });
    }

    [Test]
    public async Task Count_leaves_out_limit_and_orderby_which_the_service_refuses_with_it()
    {
        AnswerInTurn((200, """{ "count": 3000000000 }"""));

        var count = await Connections().CountAsync(new ConnectionQuery { OrderBy = "-name", PageSize = 10 });

        Assert.That(count, Is.EqualTo(3_000_000_000L), "a count past int range");
        Assert.That(SingleRequest().RawQuery, Is.EqualTo("?" + HubSpotPropertyOnWire + "&count=true"));
    }

    [Test]
    public void An_answer_without_a_count_is_an_error_not_zero()
    {
        AnswerInTurn((200, """{ "items": [] }"""));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().CountAsync())!;

        Assert.That(exception.Message, Does.Contain("no count"));
    }
}
