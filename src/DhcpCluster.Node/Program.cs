using DhcpCluster.Node;

return NodeCommandLine.Build().Parse(args).Invoke();
