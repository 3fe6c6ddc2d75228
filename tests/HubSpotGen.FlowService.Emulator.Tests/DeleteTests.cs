namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>Deleting: 204 without a body, after which the connection is gone for every operation.</summary>
public sealed class DeleteTests : EmulatorFixture
{
    [Test]
    public async Task Delete_answers_204_with_no_body_and_the_connection_is_gone()
    {
        var (id, etag) = await CreateAsync("doomed");

        var answer = await DeleteAsync(id);

        Assert.That(answer.Status, Is.EqualTo(204));
        Assert.That(answer.Text, Is.Empty);
        Assert.That(answer.RequestId, Is.Not.Empty);
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
        AssertFlowError(await GetAsync("/connections/" + id), 404, "1101");
        AssertFlowError(await DeleteAsync(id), 404, "1101");
        AssertFlowError(await PatchAsync(id, etag, """[{"op":"replace","path":"/name","value":"x"}]"""), 404, "1101");
        AssertFlowError(await GetAsync("/connections/" + id + "/explore?objectType=root"), 404, "1101");
        Assert.That((await GetAsync("/connections")).Text, Is.EqualTo("""{"items":[]}"""));
    }

    [Test]
    public async Task Delete_accepts_the_trailing_slash_of_the_published_spec()
    {
        var (id, _) = await CreateAsync("slash");

        Assert.That((await DeleteAsync(id + "/")).Status, Is.EqualTo(204));
    }

    [Test]
    public async Task Deleting_one_leaves_the_others()
    {
        var (first, _) = await CreateAsync("first");
        var (second, _) = await CreateAsync("second");

        await DeleteAsync(first);

        Assert.That((string?)(await ReadConnectionAsync(second))["name"], Is.EqualTo("second"));
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.EqualTo(1));
    }
}
