package org.clusteratlas.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.jobs.tables.WarehouseInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "info", mixinStandardHelpOptions = true, description = "List the warehouse's tables: Delta version, rows, last operation and time.")
public final class InfoCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    SparkSession spark = common.session(conf, "info");
    System.out.print(WarehouseInfo.render(WarehouseInfo.describe(new Warehouse(spark, conf.warehouse()))));
    return 0;
  }
}
