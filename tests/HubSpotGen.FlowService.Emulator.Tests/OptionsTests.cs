using System.Net.Sockets;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>The API key that follows the client id, and the address the emulator listens on.</summary>
public sealed class OptionsTests
{
    [Test]
    public void The_api_key_is_the_client_id_unless_set()
    {
        var options = new FlowServiceEmulatorOptions { ClientId = "my-client" };

        Assert.That(options.ApiKey, Is.EqualTo("my-client"));
        Assert.That(new FlowServiceEmulatorOptions().ApiKey, Is.EqualTo("emulator-client-id"));
        options.ApiKey = "own-key";
        Assert.That(options.ApiKey, Is.EqualTo("own-key"));
    }

    [Test]
    public void A_running_emulator_keeps_the_api_key_rule_in_its_copy_of_the_options()
    {
        using var emulator = FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { ClientId = "copied-client" });

        Assert.That(emulator.Options.ApiKey, Is.EqualTo("copied-client"));
    }

    [TestCase("localhost")]
    [TestCase("127.1")]
    [TestCase("300.0.0.1")]
    [TestCase("")]
    public void A_host_that_is_not_an_ip_address_is_refused(string host)
    {
        var refused = Assert.Throws<ArgumentException>(() => FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { Host = host }));

        Assert.That(refused!.Message, Does.Contain("Host must be an IP address"));
    }

    [Test]
    public async Task An_emulator_on_every_interface_is_reached_through_loopback()
    {
        using var emulator = FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { Host = "0.0.0.0" });
        using var http = new HttpClient();

        using var response = await http.GetAsync(emulator.Url + "/__emulator/state");

        Assert.That(emulator.Url, Does.StartWith("http://127.0.0.1:"));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        using var probe = new TcpClient();
        Assert.DoesNotThrowAsync(async () => await probe.ConnectAsync(System.Net.Dns.GetHostName(), new Uri(emulator.Url).Port), "it listens beyond loopback too");
    }
}
