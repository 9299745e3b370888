using DhcpCluster.Cli;

return await PbmCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
