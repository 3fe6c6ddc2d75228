using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>No answer ever carries a stored secret: only the client id is shown, the rest reads as the mask.</summary>
public sealed class SecretMaskingTests : EmulatorFixture
{
    private const string Mask = "********";

    [Test]
    public async Task Get_shows_the_client_id_and_masks_every_other_param()
    {
        var (id, _) = await CreateAsync("masked", secretSuffix: "abc");

        var authParams = (JObject)(await ReadConnectionAsync(id))["auth"]!["params"]!;

        Assert.That(JToken.DeepEquals(authParams, JObject.Parse($$"""
            {"clientId":"hubspot-client-abc","clientSecret":"{{Mask}}","accessToken":"{{Mask}}","refreshToken":"{{Mask}}"}
            """)), Is.True, authParams.ToString());
    }

    [Test]
    public async Task No_secret_appears_in_any_answer_of_a_whole_lifecycle()
    {
        var bodies = new List<string>();
        async Task<Answer> Keep(Task<Answer> call)
        {
            var answer = await call;
            bodies.Add(answer.Text);
            foreach (var header in answer.Headers)
            {
                bodies.Add(header.Value);
            }

            return answer;
        }

        var created = await Keep(PostConnectionAsync(CreateBody("secretive", secretSuffix: "first-7f3a")));
        var id = (string)created.Json!["id"]!;
        var etag = (string)created.Json["etag"]!;
        await Keep(GetAsync("/connections/" + id));
        await Keep(GetAsync("/connections"));
        await Keep(GetAsync("/connections?limit=1"));
        await Keep(GetAsync("/connections?property=" + Uri.EscapeDataString("name==secretive")));
        var patch = new JArray(new JObject { ["op"] = "replace", ["path"] = "/auth/params", ["value"] = AuthParams("second-9c1d") }).ToString();
        await Keep(PatchAsync(id, "\"stale\"", patch));
        var patched = await Keep(PatchAsync(id, etag, patch));
        var broken = new JArray(new JObject { ["op"] = "replace", ["path"] = "/auth/params", ["value"] = new JObject { ["clientSecret"] = "hubspot-secret-third-55aa" } }).ToString();
        await Keep(PatchAsync(id, (string)patched.Json!["etag"]!, broken));
        await Keep(GetAsync("/connections/" + id));
        await Keep(GetAsync("/connections/" + id + "/explore?objectType=root"));
        await Keep(DeleteAsync(id));

        var everything = string.Join("\n", bodies);
        foreach (var secret in new[] { "first-7f3a", "second-9c1d", "third-55aa" })
        {
            Assert.That(everything, Does.Not.Contain("hubspot-secret-" + secret));
            Assert.That(everything, Does.Not.Contain("hubspot-access-" + secret));
            Assert.That(everything, Does.Not.Contain("hubspot-refresh-" + secret));
        }

        Assert.That(everything, Does.Contain("hubspot-client-second-9c1d"), "the client id is not a secret and is shown");
        Assert.That(everything, Does.Contain(Mask));
    }

    [Test]
    public async Task A_connection_in_a_list_is_masked_too()
    {
        await CreateAsync("listed", secretSuffix: "listed-1");

        var item = (await GetAsync("/connections")).Json!["items"]![0]!;

        Assert.That((string?)item["auth"]!["params"]!["clientSecret"], Is.EqualTo(Mask));
        Assert.That((string?)item["auth"]!["params"]!["refreshToken"], Is.EqualTo(Mask));
    }
}
