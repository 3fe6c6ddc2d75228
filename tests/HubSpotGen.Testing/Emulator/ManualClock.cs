namespace HubSpotGen.Testing;

/// <summary>
/// A clock that moves only when a test moves it, so a run's life (due, in progress, succeeded) is a matter of
/// setting the time, never of waiting. Hand-written rather than taken from a testing package because it is all
/// the emulator needs of one: the current time, read under a lock as WireMock answers on its own threads.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
