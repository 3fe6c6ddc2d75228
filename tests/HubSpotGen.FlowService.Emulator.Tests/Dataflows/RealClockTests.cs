using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>
/// The emulator on the system clock, as the demo runs it: a run that has started succeeds on its own. The test
/// polls with a generous bound and asserts the outcome, never how long it took.
/// </summary>
public sealed class RealClockTests : DataflowFixture
{
    protected override FlowServiceEmulatorOptions? EmulatorOptions => new() { RunDuration = TimeSpan.FromMilliseconds(200) };

    [Test]
    public async Task A_run_on_the_system_clock_goes_from_in_progress_to_success_by_itself()
    {
        var (_, flowId, _) = await CreateFlowAsync(Once(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string? status = null;
        while (DateTime.UtcNow < deadline)
        {
            var runs = await RunsOfAsync(flowId);
            status = runs.Count == 1 ? (string?)runs[0]["metrics"]!["statusSummary"]!["status"] : null;
            if (status == "success")
            {
                Assert.That((int?)runs[0]["metrics"]!["recordSummary"]!["outputRecordCount"], Is.EqualTo(25));
                break;
            }

            await Task.Delay(50);
        }

        Assert.That(status, Is.EqualTo("success"));
    }

    [Test]
    public void The_default_run_delay_is_one_second_on_the_system_clock_and_a_negative_delay_is_refused()
    {
        var defaults = new FlowServiceEmulatorOptions();
        Assert.That(defaults.RunDuration, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(defaults.Clock, Is.SameAs(TimeProvider.System));

        var error = Assert.Throws<ArgumentException>(() => FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { RunDuration = TimeSpan.FromSeconds(-1) }));
        Assert.That(error!.Message, Does.Contain("RunDuration must not be negative"));
    }
}
