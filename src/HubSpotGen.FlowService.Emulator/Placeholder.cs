namespace HubSpotGen.FlowService.Emulator;
