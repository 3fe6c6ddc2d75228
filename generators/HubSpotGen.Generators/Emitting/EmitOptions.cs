namespace HubSpotGen.Generators.Emitting;

/// <summary>What the consuming compilation can compile, so that the output always does.</summary>
/// <param name="UseRequiredMembers">C# 11 or later: required schema properties become <c>required</c> members.</param>
/// <param name="UseArrayPool">System.Buffers.ArrayPool is there to lend the JSON reader and writer their buffers.</param>
internal sealed record EmitOptions(bool UseRequiredMembers, bool UseArrayPool);
