ATLAS_JVM_OPTIONS="${spark.jvm.options}"
