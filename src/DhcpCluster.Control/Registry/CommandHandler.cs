using DhcpCluster.Commands.Protocol;

namespace DhcpCluster.Control.Registry;

/// <summary>Handles one command: its arguments in, a response out. Throwing <see cref="CommandArgumentException"/> answers result 1.</summary>
public delegate ValueTask<CommandResponse> CommandHandler(CommandArguments arguments, CancellationToken cancellationToken);
