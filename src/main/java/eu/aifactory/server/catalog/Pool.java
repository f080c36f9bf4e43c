package eu.aifactory.server.catalog;

/** A GPU pool: the GPUs of one class the factory's tenants share. */
public record Pool(String gpuClass, String gpuModel, int totalGpus, String site) {
}
