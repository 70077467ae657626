package com.flashsale.kafka.embedded;

import java.util.Objects;

/**
 * A broker's place in a multi-node KRaft cluster, where every node is both broker and controller.
 *
 * @param nodeId this node's {@code node.id}
 * @param voters the static {@code controller.quorum.voters} value, {@code id@host:port} for every node
 * @param clusterId the id that every node's storage is formatted with; nodes with different ids never form a quorum
 * @param replicationFactor for new topics and the internal topics; {@code min.insync.replicas} is one less
 */
public record QuorumMember(int nodeId, String voters, String clusterId, int replicationFactor) {

    public QuorumMember {
        Objects.requireNonNull(voters, "voters");
        Objects.requireNonNull(clusterId, "clusterId");
        if (replicationFactor < 2) {
            throw new IllegalArgumentException("A cluster node needs a replication factor of at least 2, got "
                    + replicationFactor);
        }
    }

    public int minInSyncReplicas() {
        return replicationFactor - 1;
    }
}
