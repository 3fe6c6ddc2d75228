using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The operations a test steers the emulator with, shared by <see cref="FlowServiceEmulator"/>'s methods and the
/// control API, so both do exactly the same.
/// </summary>
internal sealed class EmulatorControl(SandboxStore store, FaultInjection faults, RequestLog log, IssuedTokens tokens, StateFile? stateFile)
{
    public FaultInjection Faults => faults;

    public RequestLog Log => log;

    /// <summary>Forgets every entity, pending fault and logged request, and saves the emptied state.</summary>
    public void Reset()
    {
        store.Clear();
        faults.Clear();
        log.Clear();
        stateFile?.Save();
    }

    public void ExpireImsTokens() => tokens.ExpireAll();

    public JObject State() => EmulatorState.Describe(store);

    /// <summary>
    /// Saves the state after a change, when there is a file to save it to. A failed save does not fail the request,
    /// whose change was made; the save at <see cref="FlowServiceEmulator.Dispose"/> tries again and reports it.
    /// </summary>
    public void Persist()
    {
        try
        {
            stateFile?.Save();
        }
        catch (EmulatorStateException)
        {
            // Reported by the final save, which throws.
        }
    }

    /// <summary>The last save, which reports a failure.</summary>
    public void SaveOnStop() => stateFile?.Save();
}
