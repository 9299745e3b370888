global using DhcpCluster.Actors;
global using DhcpCluster.Actors.Testing;
