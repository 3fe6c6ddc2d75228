namespace HubSpotGen.FlowService;

/// <summary>The unit of a dataflow's schedule.</summary>
public enum DataflowFrequency
{
    /// <summary>One run, at the start time; takes no interval or backfill.</summary>
    Once,

    /// <summary>Every <c>interval</c> minutes; the interval is at least 15.</summary>
    Minute,

    /// <summary>Every <c>interval</c> hours.</summary>
    Hour,

    /// <summary>Every <c>interval</c> days.</summary>
    Day,

    /// <summary>Every <c>interval</c> weeks.</summary>
    Week,
}
