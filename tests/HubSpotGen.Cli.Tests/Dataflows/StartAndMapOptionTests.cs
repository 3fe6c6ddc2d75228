using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary>
/// How <c>create-hubspot</c> reads <c>--start</c> (ISO 8601, UTC without an offset, or epoch seconds; nothing looser)
/// and <c>--map</c> (repeated, or several values after one <c>--map</c>; SOURCE=XDM_PATH, neither side blank).
/// </summary>
public sealed class StartAndMapOptionTests : DataflowCommandFixture
{
    [TestCase("2021-06-30T08:14:47Z", 1625040887)]
    [TestCase("2021-06-30T10:14:47+02:00", 1625040887)]
    [TestCase("2021-06-30T03:14:47-05:00", 1625040887)]
    [TestCase("2021-06-30T08:14:47", 1625040887)]
    [TestCase("2021-06-30T08:14:47.999Z", 1625040887)]
    [TestCase("2021-06-30T08:14Z", 1625040840)]
    [TestCase("2021-06-30", 1625011200)]
    [TestCase("1625040887", 1625040887)]
    [TestCase("0", 0)]
    public async Task Start_is_sent_as_whole_epoch_seconds(string start, long expected)
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--start", start));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent($$"""{ "startTime": {{expected}}, "frequency": "once" }""", ScheduleSent());
    }

    [TestCase("06/30/2021")]
    [TestCase("30.06.2021 08:14")]
    [TestCase("2021-06-30 08:14:47")]
    [TestCase("yesterday")]
    [TestCase("1625040887.5")]
    [TestCase("1625040887s")]
    [TestCase("99999999999999999999")]
    [TestCase("2021-13-01T00:00:00Z")]
    [TestCase("")]
    public async Task Anything_else_exits_2_naming_start_and_sends_nothing(string start)
    {
        var run = await RunAsync(CreateArguments("--start", start));

        AssertUsageError(run, "--start must be an ISO 8601 time", "'" + start + "'");
    }

    [Test]
    public async Task A_start_before_the_epoch_exits_2_and_sends_nothing()
    {
        var run = await RunAsync(CreateArguments("--start", "1969-12-31T23:59:59Z"));

        AssertUsageError(run, "--start must not be before 1970-01-01T00:00:00Z");
    }

    [Test]
    public async Task Repeated_maps_and_several_after_one_map_are_sent_in_order()
    {
        AnswerCreateChain();
        string[] args =
        [
            "dataflows", "create-hubspot", "--connection", BaseConnectionId.ToString(), "--table", "Hubspot.Contacts", "--dataset", DataSetId,
            "--map", "Properties_Firstname_Value=person.name.firstName", "Properties_Lastname_Value=person.name.lastName",
            "--start", "0",
            "--map", "Vid=_testorg.hubspotId",
        ];

        var run = await RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var mappings = JsonAssert.Parse(RequestTo("POST", DataPrepPath + "/mappingSets").Body!)["mappings"]!;
        Assert.That(
            mappings.Select(mapping => (string?)mapping["sourceAttribute"] + "=" + (string?)mapping["destinationXdmPath"]),
            Is.EqualTo(new[] { "Properties_Firstname_Value=person.name.firstName", "Properties_Lastname_Value=person.name.lastName", "Vid=_testorg.hubspotId" }));
    }

    [TestCase("Properties_Firstname_Value")]
    [TestCase("=person.name.firstName")]
    [TestCase("Properties_Firstname_Value=")]
    [TestCase(" = ")]
    public async Task A_map_that_is_not_source_equals_path_exits_2_naming_it_and_sends_nothing(string map)
    {
        var run = await RunAsync(CreateArguments("--map", map));

        AssertUsageError(run, "--map '" + map + "' is not SOURCE=XDM_PATH");
    }

    [Test]
    public async Task A_map_that_fills_one_field_twice_exits_2_and_sends_nothing()
    {
        var run = await RunAsync(CreateArguments("--map", "Vid=person.name.firstName"));

        AssertUsageError(run, "--map fills the XDM field person.name.firstName more than once");
    }

    [Test]
    public async Task A_map_splits_at_its_first_equals_sign()
    {
        AnswerCreateChain();

        var run = await RunAsync(CreateArguments("--map", "Vid=_testorg.a=b"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var mappings = JsonAssert.Parse(RequestTo("POST", DataPrepPath + "/mappingSets").Body!)["mappings"]!;
        Assert.That((string?)mappings.Last()!["destinationXdmPath"], Is.EqualTo("_testorg.a=b"));
    }
}
